namespace Visibility.Domain.Factories;

/// <summary>A plant that consumes parts, located by UN/LOCODE.</summary>
[GenerateSerializer, Immutable]
public sealed record FactoryProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Locode,
    [property: Id(3)] double Lat,
    [property: Id(4)] double Lon,
    [property: Id(5)] string Country,
    [property: Id(6)] bool Demo = false);

[GenerateSerializer, Immutable]
public sealed record FactoryView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Locode,
    [property: Id(3)] double Lat,
    [property: Id(4)] double Lon,
    [property: Id(5)] string Country,
    [property: Id(6)] bool Demo,
    [property: Id(7)] string[] Parts);
