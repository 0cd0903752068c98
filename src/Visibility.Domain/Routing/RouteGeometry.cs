using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// A route polyline prepared for things that move along it: position and heading at a distance, and the projection of
/// a reported position back onto the route. Segments are great-circle arcs; all maths is done on unit vectors, so a
/// route across the antimeridian (179.x → -179.x) or near a pole needs no special case. Immutable and thread-safe.
/// </summary>
public sealed class RouteGeometry
{
    /// <summary>Segments searched on each side of the hint before a full scan is considered.</summary>
    public const int HintWindow = 8;

    /// <summary>
    /// A hint-window match farther off the route than this is treated as poor and the whole route is scanned: a ship
    /// that jumped (data gap, re-route) must not stay attached to the wrong stretch.
    /// </summary>
    public const double PoorMatchKm = 30;

    private readonly GeoPoint[] _points;
    private readonly UnitVector[] _vectors;
    private readonly double[] _cumulativeKm; // distance from the start to point i

    /// <exception cref="ArgumentException">The path is empty or has an invalid coordinate.</exception>
    public RouteGeometry(IReadOnlyList<GeoPoint> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0) throw new ArgumentException("A route needs at least one point.", nameof(path));
        _points = path.Select(p => p with { Lon = GeoMath.NormalizeLon(p.Lon) }).ToArray();
        foreach (var p in _points)
            if (!GeoMath.IsValid(p.Lat, p.Lon)) throw new ArgumentException($"Invalid coordinate {p} in route.", nameof(path));
        _vectors = _points.Select(UnitVector.From).ToArray();
        _cumulativeKm = new double[_points.Length];
        for (int i = 1; i < _points.Length; i++)
            _cumulativeKm[i] = _cumulativeKm[i - 1] + _vectors[i - 1].DistanceKmTo(_vectors[i]);
    }

    public IReadOnlyList<GeoPoint> Path => _points;

    public double TotalKm => _cumulativeKm[^1];

    public int SegmentCount => Math.Max(0, _points.Length - 1);

    /// <summary>Distance from the start to vertex <paramref name="index"/>.</summary>
    public double AlongKmOfVertex(int index) => _cumulativeKm[Math.Clamp(index, 0, _points.Length - 1)];

    /// <summary>The first vertex at or beyond <paramref name="alongKm"/> (the last vertex when beyond the end).</summary>
    public int VertexAtOrAfter(double alongKm)
    {
        int index = Array.BinarySearch(_cumulativeKm, alongKm);
        return Math.Clamp(index >= 0 ? index : ~index, 0, _points.Length - 1);
    }

    /// <summary>The point <paramref name="alongKm"/> from the start, clamped to the route's ends.</summary>
    public GeoPoint PointAt(double alongKm)
    {
        if (_points.Length == 1 || alongKm <= 0) return _points[0];
        if (alongKm >= TotalKm) return _points[^1];
        int i = SegmentAt(alongKm);
        double length = _cumulativeKm[i + 1] - _cumulativeKm[i];
        return length <= 0 ? _points[i] : GeoMath.Interpolate(_points[i], _points[i + 1], (alongKm - _cumulativeKm[i]) / length);
    }

    /// <summary>Course over ground in degrees [0, 360) at <paramref name="alongKm"/> (the great circle's local bearing).</summary>
    public double HeadingAt(double alongKm)
    {
        if (SegmentCount == 0) return 0;
        int i = SegmentAt(Math.Clamp(alongKm, 0, TotalKm));
        // Skip zero-length segments (duplicate points) so the heading is always defined.
        while (i < SegmentCount - 1 && _cumulativeKm[i + 1] - _cumulativeKm[i] <= 0) i++;
        while (i > 0 && _cumulativeKm[i + 1] - _cumulativeKm[i] <= 0) i--;
        var here = PointAt(Math.Clamp(alongKm, _cumulativeKm[i], _cumulativeKm[i + 1]));
        var end = _points[i + 1];
        return GeoMath.HaversineKm(here, end) > 1e-6
            ? GeoMath.BearingDeg(here, end)
            : (GeoMath.BearingDeg(end, _points[i]) + 180) % 360; // at the very end: continue the arrival course
    }

    /// <summary>
    /// The nearest point of the route to <paramref name="p"/>. With a hint (the segment of the previous projection) only
    /// a window around it is searched first; the whole route is scanned when the window's best is poor or on its edge.
    /// </summary>
    public RouteProjection Project(GeoPoint p, int hintSegment = -1)
    {
        var v = UnitVector.From(p);
        if (SegmentCount == 0) return new RouteProjection(0, _vectors[0].DistanceKmTo(v), 0);

        if (hintSegment >= 0 && hintSegment < SegmentCount)
        {
            int from = Math.Max(0, hintSegment - HintWindow), to = Math.Min(SegmentCount - 1, hintSegment + HintWindow);
            var local = Scan(v, from, to);
            bool onWindowEdge = (local.Segment == from && from > 0) || (local.Segment == to && to < SegmentCount - 1);
            if (local.CrossTrackKm <= PoorMatchKm && !onWindowEdge) return local;
        }
        return Scan(v, 0, SegmentCount - 1);
    }

    /// <summary>
    /// The nearest point to <paramref name="p"/> on the stretch from <paramref name="fromKm"/> to <paramref name="toKm"/>
    /// (along is clamped to it). A route may pass the same strait twice (into the Red Sea and out again): this asks
    /// about one stretch only.
    /// </summary>
    public RouteProjection ProjectWithin(GeoPoint p, double fromKm, double toKm)
    {
        var v = UnitVector.From(p);
        if (SegmentCount == 0) return new RouteProjection(0, _vectors[0].DistanceKmTo(v), 0);
        fromKm = Math.Clamp(fromKm, 0, TotalKm);
        toKm = Math.Clamp(toKm, fromKm, TotalKm);
        var best = Scan(v, SegmentAt(fromKm), SegmentAt(toKm));
        double along = Math.Clamp(best.AlongKm, fromKm, toKm);
        return along == best.AlongKm ? best : new RouteProjection(along, UnitVector.From(PointAt(along)).DistanceKmTo(v), best.Segment);
    }

    private RouteProjection Scan(UnitVector p, int firstSegment, int lastSegment)
    {
        var best = new RouteProjection(0, double.PositiveInfinity, firstSegment);
        for (int i = firstSegment; i <= lastSegment; i++)
        {
            var (crossKm, alongInSegmentKm) = NearestOnSegment(p, i);
            if (crossKm < best.CrossTrackKm) best = new RouteProjection(_cumulativeKm[i] + alongInSegmentKm, crossKm, i);
        }
        return best;
    }

    /// <summary>Distance from p to segment i, and how far along the segment its nearest point lies.</summary>
    private (double CrossKm, double AlongKm) NearestOnSegment(UnitVector p, int i) =>
        SphericalSegment.Nearest(p, _vectors[i], _vectors[i + 1]);

    /// <summary>The segment holding a distance along the route (binary search over cumulative distances).</summary>
    private int SegmentAt(double alongKm)
    {
        int index = Array.BinarySearch(_cumulativeKm, alongKm);
        int segment = index >= 0 ? index : ~index - 1;
        return Math.Clamp(segment, 0, SegmentCount - 1);
    }
}
