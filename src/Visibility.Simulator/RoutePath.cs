using Visibility.Domain.Geo;

namespace Visibility.Simulator;

/// <summary>
/// A planned route as a polyline with cumulative great-circle distances, so "where is the ship after
/// d km" is a binary search plus one interpolation. Segments are great-circle arcs, which also keeps
/// the antimeridian (lon -180/+180) harmless.
/// </summary>
public sealed class RoutePath
{
    private readonly GeoPoint[] _points;
    private readonly double[] _cumulativeKm;

    public RoutePath(IReadOnlyList<GeoPoint> points)
    {
        // Repeated vertices add nothing and would give zero-length segments without a heading.
        var cleaned = new List<GeoPoint>(points.Count);
        foreach (var p in points)
        {
            if (!GeoMath.IsValid(p.Lat, p.Lon)) throw new ArgumentException($"invalid route point {p}", nameof(points));
            if (cleaned.Count == 0 || GeoMath.HaversineKm(cleaned[^1], p) > 1e-6) cleaned.Add(p);
        }
        if (cleaned.Count == 0) throw new ArgumentException("a route needs at least one point", nameof(points));
        if (cleaned.Count == 1) cleaned.Add(cleaned[0]);

        _points = cleaned.ToArray();
        _cumulativeKm = new double[_points.Length];
        for (int i = 1; i < _points.Length; i++)
            _cumulativeKm[i] = _cumulativeKm[i - 1] + GeoMath.HaversineKm(_points[i - 1], _points[i]);
    }

    /// <summary>From the contract's [[lon, lat], ...] array.</summary>
    public static RoutePath FromLonLat(IEnumerable<double[]> path) =>
        new(path.Select(p => p.Length >= 2 ? new GeoPoint(p[1], p[0]) : throw new FormatException("route point needs [lon, lat]")).ToList());

    public double LengthKm => _cumulativeKm[^1];
    public GeoPoint Start => _points[0];
    public GeoPoint End => _points[^1];
    public IReadOnlyList<GeoPoint> Points => _points;

    /// <summary>Position and course a distance along the route (clamped to the ends).</summary>
    public (GeoPoint Position, double HeadingDeg) At(double distanceKm)
    {
        if (LengthKm <= 0) return (_points[0], 0);
        double d = Math.Clamp(distanceKm, 0, LengthKm);

        // Segment i runs from point i to point i+1; find the last vertex at or before d.
        int i = Array.BinarySearch(_cumulativeKm, d);
        if (i < 0) i = ~i - 1;
        i = Math.Clamp(i, 0, _points.Length - 2);
        // Skip degenerate segments at the end so the heading comes from a real segment.
        while (i > 0 && _cumulativeKm[i + 1] - _cumulativeKm[i] <= 0) i--;

        var a = _points[i];
        var b = _points[i + 1];
        double segment = _cumulativeKm[i + 1] - _cumulativeKm[i];
        double f = segment > 0 ? (d - _cumulativeKm[i]) / segment : 0;
        var position = GeoMath.Interpolate(a, b, f);
        // Heading along a great circle changes; the course from here to the segment end is the current one.
        double heading = f < 0.999 ? GeoMath.BearingDeg(position, b) : (GeoMath.BearingDeg(b, a) + 180) % 360;
        return (position, Math.Round(heading, 1) % 360);
    }
}
