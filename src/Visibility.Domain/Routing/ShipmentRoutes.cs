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

    /// <summary>A chokepoint's marker point lies within this distance of a route through it (straits are narrower).</summary>
    public const double PassNearKm = 200;

    /// <summary>
    /// The route's chokepoints that lie ahead of <paramref name="alongKm"/>: those the shipment has still to pass. One is
    /// ahead when the stretch still to sail comes closest to its marker point somewhere past the shipment (a chokepoint
    /// behind it is nearest at the shipment's own position). Asking only about the stretch ahead matters for a route
    /// that passes the same strait twice.
    /// </summary>
    public static IEnumerable<string> PassesAhead(PlannedRoute route, RouteGeometry geometry, double alongKm) =>
        route.Passes.Where(name =>
        {
            var p = geometry.ProjectWithin(Chokepoints.Get(name).Point, alongKm, geometry.TotalKm);
            return p.AlongKm > alongKm + 1 && p.CrossTrackKm <= PassNearKm;
        });

    private static IEnumerable<string> PassesBefore(PlannedRoute route, RouteGeometry geometry, double alongKm) =>
        route.Passes.Where(name => geometry.ProjectWithin(Chokepoints.Get(name).Point, 0, alongKm).CrossTrackKm <= PassNearKm);

    public static double AlongKmOf(RouteGeometry geometry, string chokepoint) =>
        geometry.Project(Chokepoints.Get(chokepoint).Point).AlongKm;
}
