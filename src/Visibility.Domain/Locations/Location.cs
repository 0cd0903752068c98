using Visibility.Domain.Geo;

namespace Visibility.Domain.Locations;

/// <summary>A place resolved by UN/LOCODE (5 characters: ISO country + 3-character location code).</summary>
public sealed record Location(string Locode, string Name, string Country, double Lat, double Lon, IReadOnlyList<string> Kinds)
{
    public GeoPoint Point => new(Lat, Lon);
    public bool IsPort => Kinds.Contains(LocationKinds.Port);
    public bool IsAirport => Kinds.Contains(LocationKinds.Airport);
}

public static class LocationKinds
{
    public const string Port = "port";
    public const string Airport = "airport";
    public const string Inland = "inland";
}
