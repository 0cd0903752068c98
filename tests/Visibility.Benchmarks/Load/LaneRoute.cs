using Visibility.Domain.Geo;

namespace Visibility.Benchmarks.Load;

/// <summary>A position on a lane in the units readings are written in: 1e-4 degrees, whole-degree heading.</summary>
public readonly record struct RoutePosition(int Lat4, int Lon4, int HeadingDeg);

/// <summary>
/// One lane's planned route (as the host planned it for a shipment), resampled every <see cref="StepKm"/> so that a
/// reading's position is an array lookup: the generator must not spend the cores it shares with the host on geometry.
/// </summary>
public sealed class LaneRoute
{
    /// <summary>How far a shipment moves between two of its readings (about a 1-minute report at 16 knots).</summary>
    public const double StepKm = 0.5;

    private readonly RoutePosition[] _samples;

    public string Origin { get; }
    public string Destination { get; }
    public double DistanceKm { get; }
    public int Samples => _samples.Length;

    private LaneRoute(string origin, string destination, double distanceKm, RoutePosition[] samples)
    {
        Origin = origin;
        Destination = destination;
        DistanceKm = distanceKm;
        _samples = samples;
    }

    public string Name => $"{Origin}→{Destination}";

    /// <summary>Position of sample <paramref name="index"/>, held at the last sample once a shipment runs out of route.</summary>
    public RoutePosition At(long index) => _samples[(int)Math.Clamp(index, 0, _samples.Length - 1)];

    /// <param name="path">The route's points in order (lat, lon), as GET /api/shipments/{id}/route returns them.</param>
    public static LaneRoute Resample(string origin, string destination, IReadOnlyList<GeoPoint> path)
    {
        if (path.Count < 2) throw new InvalidOperationException($"route {origin}→{destination} has fewer than two points");
        var samples = new List<RoutePosition>();
        double covered = 0, nextSampleAt = 0;
        for (int i = 1; i < path.Count; i++)
        {
            var a = path[i - 1];
            var b = path[i];
            double length = GeoMath.HaversineKm(a, b);
            if (length <= 0) continue;
            int heading = (int)Math.Round(GeoMath.BearingDeg(a, b)) % 360;
            // Great-circle interpolation: a lane crossing the antimeridian must not be drawn the long way round.
            while (nextSampleAt <= covered + length)
            {
                var p = GeoMath.Interpolate(a, b, (nextSampleAt - covered) / length);
                samples.Add(new RoutePosition((int)Math.Round(p.Lat * 1e4), (int)Math.Round(p.Lon * 1e4), heading));
                nextSampleAt += StepKm;
            }
            covered += length;
        }
        return new LaneRoute(origin, destination, covered, [.. samples]);
    }
}
