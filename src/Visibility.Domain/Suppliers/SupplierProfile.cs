namespace Visibility.Domain.Suppliers;

/// <summary>A supplier as registered: its sites, and which parts each site supplies to which factories.</summary>
[GenerateSerializer, Immutable]
public sealed record SupplierProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Country,
    [property: Id(3)] SupplierSite[] Sites,
    [property: Id(4)] bool Demo = false)
{
    public bool SameAs(SupplierProfile other) =>
        Id == other.Id && Name == other.Name && Country == other.Country && Demo == other.Demo &&
        Sites.Length == other.Sites.Length && Sites.Zip(other.Sites).All(p => p.First.SameAs(p.Second));
}

[GenerateSerializer, Immutable]
public sealed record SupplierSite(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Locode,
    [property: Id(3)] double Lat,
    [property: Id(4)] double Lon,
    [property: Id(5)] string Country,
    [property: Id(6)] SuppliedPart[] Parts)
{
    public bool SameAs(SupplierSite o) =>
        Id == o.Id && Name == o.Name && Locode == o.Locode && Lat == o.Lat && Lon == o.Lon && Country == o.Country &&
        Parts.Length == o.Parts.Length && Parts.Zip(o.Parts).All(p => p.First.PartNumber == p.Second.PartNumber && p.First.FactoryIds.SequenceEqual(p.Second.FactoryIds));
}

[GenerateSerializer, Immutable]
public sealed record SuppliedPart([property: Id(0)] string PartNumber, [property: Id(1)] string[] FactoryIds);
