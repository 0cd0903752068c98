using Visibility.Domain.Geo;

namespace Visibility.Domain.Routing;

/// <summary>
/// A point on the unit sphere as an Earth-centred vector. Distances and projections computed this way need no special
/// case at the antimeridian or the poles, and a nearest-node scan is a dot product per node (no trigonometry).
/// </summary>
internal readonly record struct UnitVector(double X, double Y, double Z)
{
    private const double DegToRad = Math.PI / 180.0;

    public static UnitVector From(GeoPoint p) => From(p.Lat, p.Lon);

    public static UnitVector From(double lat, double lon)
    {
        double φ = lat * DegToRad, λ = lon * DegToRad, c = Math.Cos(φ);
        return new(c * Math.Cos(λ), c * Math.Sin(λ), Math.Sin(φ));
    }

    public GeoPoint ToGeoPoint() =>
        new(Math.Atan2(Z, Math.Sqrt(X * X + Y * Y)) / DegToRad, GeoMath.NormalizeLon(Math.Atan2(Y, X) / DegToRad));

    public double Dot(UnitVector o) => X * o.X + Y * o.Y + Z * o.Z;

    public UnitVector Cross(UnitVector o) => new(Y * o.Z - Z * o.Y, Z * o.X - X * o.Z, X * o.Y - Y * o.X);

    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

    public UnitVector Scale(double s) => new(X * s, Y * s, Z * s);

    public UnitVector Minus(UnitVector o) => new(X - o.X, Y - o.Y, Z - o.Z);

    /// <summary>Unit vector in the same direction; the zero vector stays zero.</summary>
    public UnitVector Normalized()
    {
        double len = Length;
        return len < 1e-15 ? this : Scale(1 / len);
    }

    /// <summary>Central angle in radians, accurate for tiny and near-antipodal angles alike.</summary>
    public double AngleTo(UnitVector o) => Math.Atan2(Cross(o).Length, Dot(o));

    public double DistanceKmTo(UnitVector o) => AngleTo(o) * GeoMath.EarthRadiusKm;
}
