namespace Visibility.Domain.Suppliers;

[GenerateSerializer, Immutable]
/// <param name="Version">Grows with every status the supplier posts: the newer of two views of one supplier wins.</param>
public sealed record SupplierView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Country,
    [property: Id(3)] bool Demo,
    [property: Id(4)] SiteView[] Sites,
    [property: Id(5)] long Version = 0);

[GenerateSerializer, Immutable]
public sealed record SiteView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Locode,
    [property: Id(3)] double Lat,
    [property: Id(4)] double Lon,
    [property: Id(5)] string Country,
    [property: Id(6)] SuppliedPart[] Parts,
    [property: Id(7)] string Status,
    [property: Id(8)] double CapacityPct,
    [property: Id(9)] DateTimeOffset? ExpectedRecovery,
    [property: Id(10)] string? Note,
    [property: Id(11)] DateTimeOffset? UpdatedAt,
    [property: Id(12)] SiteDisruption[]? Disruptions = null);

[GenerateSerializer, Immutable]
public sealed record StatusHistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string SiteId,
    [property: Id(2)] string Status,
    [property: Id(3)] double CapacityPct,
    [property: Id(4)] DateTimeOffset? ExpectedRecovery,
    [property: Id(5)] string? Note);

/// <summary>An active disruption that reaches a site (its outage, a hazard zone around it).</summary>
[GenerateSerializer, Immutable]
public sealed record SiteDisruption([property: Id(0)] string Id, [property: Id(1)] string Type, [property: Id(2)] string Title);
