namespace Visibility.Domain.Geo;

/// <summary>A point on the Earth in decimal degrees (WGS 84). Longitude is kept in [-180, 180].</summary>
[GenerateSerializer, Immutable]
public readonly record struct GeoPoint([property: Id(0)] double Lat, [property: Id(1)] double Lon)
{
    public override string ToString() => FormattableString.Invariant($"({Lat:0.#####}, {Lon:0.#####})");
}
