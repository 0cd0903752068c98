using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// Plans a route for any transport mode and caches it: many shipments share a lane, so each (mode, origin, destination,
/// avoided passes) is computed once. Thread-safe; share one instance per process.
/// <list type="bullet">
/// <item>ocean: shortest path over the sea network (<see cref="SeaRouter"/>), reporting chokepoints.</item>
/// <item>air: the great circle, drawn in ~<see cref="PathStepKm"/> km steps.</item>
/// <item>truck: the great circle times <see cref="TruckCircuityFactor"/>; none beyond <see cref="MaxTruckStraightLineKm"/>.</item>
/// </list>
/// </summary>
public sealed class RoutePlanner
{
    /// <summary>
    /// Road distance ÷ straight-line distance. Published detour indexes for long-haul road freight are about 1.2–1.4
    /// (national averages cluster near 1.3); 1.3 is used for every region, so truck distances are estimates, not routes.
    /// </summary>
    public const double TruckCircuityFactor = 1.3;

    /// <summary>Beyond this straight-line distance a truck would have to cross an ocean: no truck route.</summary>
    public const double MaxTruckStraightLineKm = 6000;

    /// <summary>Spacing of the drawn points of air and truck routes.</summary>
    public const double PathStepKm = 100;

    /// <summary>
    /// Origins and destinations are rounded to this grid (~1 km) for the cache key, and the route is computed from the
    /// rounded points so a lane always gets the same route whoever asked first; the caller's exact ends are put back
    /// on the returned path (the distance then differs by well under 2 km).
    /// </summary>
    public const double CacheGridDeg = 0.01;

    public const int DefaultCacheCapacity = 4096;

    private readonly SeaRouter? _seaRouter;
    private readonly LruCache<LaneKey, PlannedRoute?> _cache;

    /// <param name="seaRouter">Null when no sea network is available; ocean plans are then null.</param>
    /// <param name="cacheCapacity">Lanes kept; a sea route is a few kilobytes.</param>
    public RoutePlanner(SeaRouter? seaRouter, int cacheCapacity = DefaultCacheCapacity)
    {
        _seaRouter = seaRouter;
        _cache = new LruCache<LaneKey, PlannedRoute?>(cacheCapacity);
    }

    public bool CanPlanOcean => _seaRouter != null;

    public int CachedLanes => _cache.Count;

    /// <summary>A route, or null when none exists for the mode (no sea path, truck across an ocean, no sea network).</summary>
    /// <exception cref="ArgumentException">Unknown mode, unknown chokepoint name, or invalid coordinate.</exception>
    public PlannedRoute? Plan(string mode, GeoPoint from, GeoPoint to, IReadOnlyCollection<string>? avoid = null)
    {
        var canonicalMode = TransportModes.Normalize(mode);
        if (!GeoMath.IsValid(from.Lat, from.Lon)) throw new ArgumentException($"Invalid origin {from}.", nameof(from));
        if (!GeoMath.IsValid(to.Lat, to.Lon)) throw new ArgumentException($"Invalid destination {to}.", nameof(to));
        var avoided = Chokepoints.Normalize(avoid); // validates names for every mode, so a typo never passes silently

        var key = new LaneKey(canonicalMode, Grid(from.Lat), Grid(from.Lon), Grid(to.Lat), Grid(to.Lon), string.Join(",", avoided));
        var route = _cache.GetOrAdd(key, k => Compute(k, avoided));
        return route == null ? null : WithEnds(route, from, to);
    }

    private PlannedRoute? Compute(LaneKey key, IReadOnlyList<string> avoided)
    {
        GeoPoint from = new(key.FromLat / GridCellsPerDegree, key.FromLon / GridCellsPerDegree);
        GeoPoint to = new(key.ToLat / GridCellsPerDegree, key.ToLon / GridCellsPerDegree);
        switch (key.Mode)
        {
            case TransportModes.Ocean:
                var sea = _seaRouter?.Route(from, to, avoided);
                return sea == null ? null : new PlannedRoute(TransportModes.Ocean, sea.DistanceKm, sea.Path, sea.Passes);
            case TransportModes.Air:
                return new PlannedRoute(TransportModes.Air, GeoMath.HaversineKm(from, to), GreatCirclePath.Densify(from, to, PathStepKm), []);
            default:
                double straightKm = GeoMath.HaversineKm(from, to);
                return straightKm > MaxTruckStraightLineKm
                    ? null
                    : new PlannedRoute(TransportModes.Truck, straightKm * TruckCircuityFactor, GreatCirclePath.Densify(from, to, PathStepKm), []);
        }
    }

    private static PlannedRoute WithEnds(PlannedRoute route, GeoPoint from, GeoPoint to)
    {
        from = new GeoPoint(from.Lat, GeoMath.NormalizeLon(from.Lon));
        to = new GeoPoint(to.Lat, GeoMath.NormalizeLon(to.Lon));
        if (route.Path[0] == from && route.Path[^1] == to) return route;
        var path = route.Path.ToArray();
        path[0] = from;
        path[^1] = to;
        return route with { Path = path };
    }

    // Dividing by 100 (not multiplying by 0.01) gives back exactly 31.35 for 3135, so a port already on the grid gets
    // the cached route itself rather than a copy with "new" ends.
    private const double GridCellsPerDegree = 1 / CacheGridDeg;

    private static int Grid(double degrees) => (int)Math.Round(degrees * GridCellsPerDegree);

    private readonly record struct LaneKey(string Mode, int FromLat, int FromLon, int ToLat, int ToLon, string Avoided);
}
