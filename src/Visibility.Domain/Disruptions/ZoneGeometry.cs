using Visibility.Domain.Geo;
using Visibility.Domain.Routing;

namespace Visibility.Domain.Disruptions;

/// <summary>
/// The area of a hazard or security zone: a circle (centre and radius on the sphere) or GeoJSON-style polygons
/// (outer ring first, then holes, as [lon, lat] points). Polygon edges are straight in longitude/latitude, as GeoJSON
/// draws them. A ring may cross the ±180° seam either way: written with longitudes beyond ±180 (170 … 190) or jumping
/// from 179 to -179; consecutive points are unwrapped so each edge takes the short way round.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ZoneGeometry
{
    public const double KmPerDegreeLat = Math.PI * GeoMath.EarthRadiusKm / 180;

    [Id(0)] public GeoPoint? Center { get; init; }
    [Id(1)] public double RadiusKm { get; init; }
    /// <summary>Polygons → rings (outer first, then holes) → points. Null for a circle.</summary>
    [Id(2)] public GeoPoint[][][]? Polygons { get; init; }

    public bool IsCircle => Center != null;

    public static ZoneGeometry Circle(GeoPoint center, double radiusKm) => new() { Center = center, RadiusKm = radiusKm };

    public static ZoneGeometry FromPolygons(GeoPoint[][][] polygons) => new() { Polygons = polygons };

    public bool Contains(GeoPoint p)
    {
        if (Center is { } c) return GeoMath.HaversineKm(c, p) <= RadiusKm;
        foreach (var polygon in Polygons ?? [])
        {
            if (polygon.Length == 0 || !RingContains(polygon[0], p)) continue;
            bool inHole = false;
            for (int i = 1; i < polygon.Length && !inHole; i++) inHole = RingContains(polygon[i], p);
            if (!inHole) return true;
        }
        return false;
    }

    /// <summary>A representative point for a label or a marker: the centre, or the mean of the first outer ring's vertices.</summary>
    public GeoPoint Anchor()
    {
        if (Center is { } c) return c;
        var ring = Unwrap(Polygons![0][0]);
        int n = ring.Length > 1 && ring[0] == ring[^1] ? ring.Length - 1 : ring.Length;
        double lat = 0, lon = 0;
        for (int i = 0; i < n; i++) { lat += ring[i].Lat; lon += ring[i].Lon; }
        return new GeoPoint(lat / n, GeoMath.NormalizeLon(lon / n));
    }

    /// <summary>Latitude/longitude boxes that together cover the zone, none crossing the seam (for the geo-cell index).</summary>
    public IReadOnlyList<GeoBox> Bounds()
    {
        if (Center is { } c)
        {
            double dLat = RadiusKm / KmPerDegreeLat;
            double minLat = Math.Max(-90, c.Lat - dLat), maxLat = Math.Min(90, c.Lat + dLat);
            double widest = Math.Max(Math.Abs(minLat), Math.Abs(maxLat));
            double angular = RadiusKm / GeoMath.EarthRadiusKm;
            double cos = Math.Cos(widest * Math.PI / 180);
            // Near a pole (or with a radius past it) every longitude is within reach.
            if (widest >= 89.999 || Math.Sin(angular) >= cos) return [new GeoBox(minLat, maxLat, -180, 180)];
            double dLon = Math.Asin(Math.Sin(angular) / cos) * 180 / Math.PI;
            return SplitAtSeam(minLat, maxLat, c.Lon - dLon, c.Lon + dLon);
        }
        var boxes = new List<GeoBox>();
        foreach (var polygon in Polygons ?? [])
        {
            if (polygon.Length == 0) continue;
            var ring = Unwrap(polygon[0]);
            boxes.AddRange(SplitAtSeam(ring.Min(p => p.Lat), ring.Max(p => p.Lat), ring.Min(p => p.Lon), ring.Max(p => p.Lon)));
        }
        return boxes;
    }

    private static IReadOnlyList<GeoBox> SplitAtSeam(double minLat, double maxLat, double minLon, double maxLon)
    {
        if (maxLon - minLon >= 360) return [new GeoBox(minLat, maxLat, -180, 180)];
        if (minLon < -180) return [new GeoBox(minLat, maxLat, minLon + 360, 180), new GeoBox(minLat, maxLat, -180, maxLon)];
        if (maxLon > 180) return [new GeoBox(minLat, maxLat, minLon, 180), new GeoBox(minLat, maxLat, -180, maxLon - 360)];
        return [new GeoBox(minLat, maxLat, minLon, maxLon)];
    }

    /// <summary>Even-odd ray casting in the (unwrapped) longitude/latitude plane; the point is tried at lon and lon ± 360.</summary>
    private static bool RingContains(GeoPoint[] ring, GeoPoint p)
    {
        var points = Unwrap(ring);
        foreach (double shift in (ReadOnlySpan<double>)[0, 360, -360])
            if (Crossings(points, p.Lat, p.Lon + shift)) return true;
        return false;
    }

    private static bool Crossings(GeoPoint[] ring, double lat, double lon)
    {
        bool inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var a = ring[i];
            var b = ring[j];
            if ((a.Lat > lat) != (b.Lat > lat) && lon < (b.Lon - a.Lon) * (lat - a.Lat) / (b.Lat - a.Lat) + a.Lon)
                inside = !inside;
        }
        return inside;
    }

    /// <summary>Each longitude moved by ±360 to lie within 180° of the previous one, so no edge goes the long way round.</summary>
    internal static GeoPoint[] Unwrap(GeoPoint[] ring)
    {
        var result = new GeoPoint[ring.Length];
        for (int i = 0; i < ring.Length; i++)
        {
            double lon = i == 0 ? GeoMath.NormalizeLon(ring[0].Lon) : ring[i].Lon;
            if (i > 0)
            {
                double previous = result[i - 1].Lon;
                while (lon - previous > 180) lon -= 360;
                while (lon - previous < -180) lon += 360;
            }
            result[i] = new GeoPoint(ring[i].Lat, lon);
        }
        return result;
    }
}
