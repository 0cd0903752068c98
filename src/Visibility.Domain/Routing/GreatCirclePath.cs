using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>Great-circle polylines for modes that do not follow a network (air, and trucks as an approximation).</summary>
public static class GreatCirclePath
{
    /// <summary>
    /// Points from <paramref name="from"/> to <paramref name="to"/> at most <paramref name="stepKm"/> apart, so a map that
    /// draws straight lines between them still shows the curve, and the antimeridian crossing is a clean jump.
    /// </summary>
    public static IReadOnlyList<GeoPoint> Densify(GeoPoint from, GeoPoint to, double stepKm)
    {
        if (!(stepKm > 0)) throw new ArgumentOutOfRangeException(nameof(stepKm), stepKm, "Step must be positive.");
        double km = GeoMath.HaversineKm(from, to);
        int segments = Math.Max(1, (int)Math.Ceiling(km / stepKm));
        var points = new GeoPoint[segments + 1];
        points[0] = new GeoPoint(from.Lat, GeoMath.NormalizeLon(from.Lon));
        for (int i = 1; i < segments; i++) points[i] = GeoMath.Interpolate(from, to, (double)i / segments);
        points[segments] = new GeoPoint(to.Lat, GeoMath.NormalizeLon(to.Lon));
        return points;
    }
}
