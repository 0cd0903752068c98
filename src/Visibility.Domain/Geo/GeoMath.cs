namespace Visibility.Domain.Geo;

/// <summary>Great-circle arithmetic on a spherical Earth (mean radius), good to ~0.5 % for routing.</summary>
public static class GeoMath
{
    public const double EarthRadiusKm = 6371.0088;
    public const double KmPerNauticalMile = 1.852;

    private const double DegToRad = Math.PI / 180.0;

    public static double HaversineKm(GeoPoint a, GeoPoint b) => HaversineKm(a.Lat, a.Lon, b.Lat, b.Lon);

    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        double dLat = (lat2 - lat1) * DegToRad;
        double dLon = (lon2 - lon1) * DegToRad;
        double s = Math.Sin(dLat / 2);
        double t = Math.Sin(dLon / 2);
        double h = s * s + Math.Cos(lat1 * DegToRad) * Math.Cos(lat2 * DegToRad) * t * t;
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Initial bearing from a to b in degrees [0, 360).</summary>
    public static double BearingDeg(GeoPoint a, GeoPoint b)
    {
        double φ1 = a.Lat * DegToRad, φ2 = b.Lat * DegToRad, Δλ = (b.Lon - a.Lon) * DegToRad;
        double y = Math.Sin(Δλ) * Math.Cos(φ2);
        double x = Math.Cos(φ1) * Math.Sin(φ2) - Math.Sin(φ1) * Math.Cos(φ2) * Math.Cos(Δλ);
        return (Math.Atan2(y, x) / DegToRad + 360) % 360;
    }

    /// <summary>The point a fraction f of the way from a to b along the great circle.</summary>
    public static GeoPoint Interpolate(GeoPoint a, GeoPoint b, double f)
    {
        double φ1 = a.Lat * DegToRad, λ1 = a.Lon * DegToRad, φ2 = b.Lat * DegToRad, λ2 = b.Lon * DegToRad;
        double d = HaversineKm(a, b) / EarthRadiusKm;
        if (d < 1e-12) return a;
        double A = Math.Sin((1 - f) * d) / Math.Sin(d), B = Math.Sin(f * d) / Math.Sin(d);
        double x = A * Math.Cos(φ1) * Math.Cos(λ1) + B * Math.Cos(φ2) * Math.Cos(λ2);
        double y = A * Math.Cos(φ1) * Math.Sin(λ1) + B * Math.Cos(φ2) * Math.Sin(λ2);
        double z = A * Math.Sin(φ1) + B * Math.Sin(φ2);
        return new GeoPoint(Math.Atan2(z, Math.Sqrt(x * x + y * y)) / DegToRad, NormalizeLon(Math.Atan2(y, x) / DegToRad));
    }

    /// <summary>Wraps a longitude into [-180, 180].</summary>
    public static double NormalizeLon(double lon)
    {
        if (lon >= -180 && lon <= 180) return lon;
        lon = ((lon + 180) % 360 + 360) % 360 - 180;
        return lon;
    }

    public static bool IsValid(double lat, double lon) =>
        double.IsFinite(lat) && double.IsFinite(lon) && lat is >= -90 and <= 90 && lon is >= -180 and <= 180;
}
