using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// A mid-voyage change of route: the route so far is kept up to vertex <see cref="AtVertex"/>, and from that point
/// (<see cref="From"/>) the shipment follows a new plan to its destination avoiding <see cref="Avoid"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RouteSplice([property: Id(0)] int AtVertex, [property: Id(1)] GeoPoint From, [property: Id(2)] string[] Avoid);

/// <summary>
/// A shipment's current route, rebuilt from what its state keeps: the base plan (origin → destination avoiding the
/// closed chokepoints it knew of when it was planned) and each mid-voyage splice in order. Deterministic for a given
/// network, so nothing but the splice points has to be stored.
/// </summary>
public static class ShipmentRoutes
{
    public static PlannedRoute? Build(RoutePlanner planner, string mode, GeoPoint origin, GeoPoint destination,
        IReadOnlyCollection<string> baseAvoid, IReadOnlyList<RouteSplice> splices)
    {
        var route = planner.Plan(mode, origin, destination, baseAvoid);
        foreach (var splice in splices)
        {
            if (route == null) return null;
            var leg = planner.Plan(mode, splice.From, destination, splice.Avoid);
            if (leg == null || splice.AtVertex >= route.Path.Count) return null;
            route = Splice(route, new RouteGeometry(route.Path), splice.AtVertex, leg);
        }
        return route;
    }

    /// <summary>The route up to vertex <paramref name="atVertex"/>, then <paramref name="leg"/> (which starts at that vertex).</summary>
    public static PlannedRoute Splice(PlannedRoute route, RouteGeometry geometry, int atVertex, PlannedRoute leg)
    {
        double prefixKm = geometry.AlongKmOfVertex(atVertex);
        var path = new List<GeoPoint>(atVertex + leg.Path.Count);
        for (int i = 0; i <= atVertex; i++) path.Add(route.Path[i]);
        for (int i = 1; i < leg.Path.Count; i++) path.Add(leg.Path[i]);
        var passes = PassesBefore(route, geometry, prefixKm).Concat(leg.Passes).Distinct().ToArray();
        return new PlannedRoute(route.Mode, prefixKm + leg.DistanceKm, path, passes);
    }

    /// <summary>
    /// The route's chokepoints that lie ahead of <paramref name="alongKm"/>: those the shipment has still to pass.
    /// A chokepoint's place on the route is where its marker point projects onto it.
    /// </summary>
    public static IEnumerable<string> PassesAhead(PlannedRoute route, RouteGeometry geometry, double alongKm) =>
        route.Passes.Where(name => AlongKmOf(geometry, name) >= alongKm);

    private static IEnumerable<string> PassesBefore(PlannedRoute route, RouteGeometry geometry, double alongKm) =>
        route.Passes.Where(name => AlongKmOf(geometry, name) < alongKm);

    public static double AlongKmOf(RouteGeometry geometry, string chokepoint) =>
        geometry.Project(Chokepoints.Get(chokepoint).Point).AlongKm;
}
