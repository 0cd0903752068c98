using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// A latitude/longitude rectangle (degrees, not crossing the antimeridian). Used to recognise network edges that run
/// through a strait or canal when the network file does not tag them.
/// </summary>
public readonly record struct GeoBox(double MinLat, double MaxLat, double MinLon, double MaxLon)
{
    public bool Contains(GeoPoint p) => p.Lat >= MinLat && p.Lat <= MaxLat && p.Lon >= MinLon && p.Lon <= MaxLon;

    /// <summary>
    /// True when the straight lat/lon segment a→b touches the box (Liang–Barsky clipping). A segment that crosses the box
    /// without a vertex inside still counts: long network edges often jump right over a narrow strait.
    /// </summary>
    public bool IntersectsSegment(GeoPoint a, GeoPoint b)
    {
        // Segments that wrap across ±180 never meet a box that does not cross it; none of the straits does.
        if (Math.Abs(b.Lon - a.Lon) > 180) return false;

        double t0 = 0, t1 = 1;
        double dx = b.Lon - a.Lon, dy = b.Lat - a.Lat;
        return Clip(-dx, a.Lon - MinLon, ref t0, ref t1)
            && Clip(dx, MaxLon - a.Lon, ref t0, ref t1)
            && Clip(-dy, a.Lat - MinLat, ref t0, ref t1)
            && Clip(dy, MaxLat - a.Lat, ref t0, ref t1);
    }

    private static bool Clip(double p, double q, ref double t0, ref double t1)
    {
        if (p == 0) return q >= 0;
        double r = q / p;
        if (p < 0)
        {
            if (r > t1) return false;
            if (r > t0) t0 = r;
        }
        else
        {
            if (r < t0) return false;
            if (r < t1) t1 = r;
        }
        return true;
    }
}
