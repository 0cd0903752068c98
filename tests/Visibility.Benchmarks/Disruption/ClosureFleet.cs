using Visibility.Benchmarks.Load;
using Visibility.Domain.Geo;

namespace Visibility.Benchmarks.Disruption;

/// <summary>
/// The fleet of the closure run: every shipment on an Asia → Europe lane through Suez, each somewhere between its
/// origin and a little short of the canal, so the closure affects all of them. Some are still on the stretch the Cape
/// route shares with the Suez route (they take the lane's new plan), the others are past the fork (each planned
/// onward from its next waypoint).
/// </summary>
public sealed class ClosureFleet(int count, string runTag)
{
    public static readonly Lane[] Lanes = [new("CNSHA", "NLRTM"), new("CNNGB", "DEHAM"), new("CNYTN", "BEANR"), new("VNCMT", "NLRTM"), new("MYPKG", "DEHAM")];
    public static readonly GeoPoint Suez = new(30.58, 32.33);
    /// <summary>Where on the way to Suez the fleet is spread: from 2 % of the lane to 800 km short of the canal.</summary>
    public const double FirstFraction = 0.02, ShortOfSuezKm = 800;

    private readonly LaneRoute?[] _routes = new LaneRoute?[Lanes.Length];
    private readonly double[] _suezFraction = new double[Lanes.Length];

    public int Count => count;
    public string RunTag => runTag;

    public string Id(int i) => $"CLOSE-{runTag}-{i:D6}";

    public int LaneOf(int i) => i % Lanes.Length;

    public void SetRoute(int lane, LaneRoute route, IReadOnlyList<GeoPoint> path)
    {
        _routes[lane] = route;
        double along = 0, best = double.MaxValue, suezKm = 0;
        for (int k = 1; k < path.Count; k++)
        {
            along += GeoMath.HaversineKm(path[k - 1], path[k]);
            double d = GeoMath.HaversineKm(path[k], Suez);
            if (d < best) { best = d; suezKm = along; }
        }
        if (best > 200) throw new InvalidOperationException($"lane {Lanes[lane].Name} does not pass Suez (nearest point {best:0} km)");
        _suezFraction[lane] = (suezKm - ShortOfSuezKm) / along;
    }

    public double SuezFraction(int lane) => _suezFraction[lane];

    /// <summary>Where shipment <paramref name="i"/> reports from: spread evenly (by a fixed stride) over its lane's stretch.</summary>
    public RoutePosition PositionOf(int i)
    {
        int lane = LaneOf(i);
        var route = _routes[lane] ?? throw new InvalidOperationException("route not set");
        double u = (i / Lanes.Length * 0.618034) % 1.0; // golden-ratio stride: even spread, no two neighbours alike
        double fraction = FirstFraction + u * (_suezFraction[lane] - FirstFraction);
        return route.At((long)(fraction * (route.Samples - 1)));
    }
}
