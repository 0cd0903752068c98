using Visibility.Domain.Geo;

namespace Visibility.Domain.Disruptions;

/// <summary>
/// A disruption as declared (by a person, a feed or a supplier's status): what, where, since when and until when.
/// <see cref="ExpectedEnd"/> is the time to recover (TTR) that the impact is measured against. Immutable once created.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DisruptionDefinition
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required DisruptionType Type { get; init; }
    [Id(2)] public DisruptionSeverity Severity { get; init; } = DisruptionSeverity.High;
    [Id(3)] public required string Title { get; init; }
    /// <summary>chokepoint-closure: the chokepoint's name (as in <see cref="Routing.Chokepoints"/>).</summary>
    [Id(4)] public string? Chokepoint { get; init; }
    /// <summary>port-closure, port-congestion, customs-hold: the port's UN/LOCODE.</summary>
    [Id(5)] public string? Locode { get; init; }
    /// <summary>natural-hazard, security-zone: the area.</summary>
    [Id(6)] public ZoneGeometry? Zone { get; init; }
    /// <summary>supplier-site-outage: the supplier and its site.</summary>
    [Id(7)] public string? SupplierId { get; init; }
    [Id(8)] public string? SiteId { get; init; }
    /// <summary>port-congestion, customs-hold: days added to the ETA of shipments bound for the port.</summary>
    [Id(9)] public double DelayDays { get; init; }
    [Id(10)] public required DateTimeOffset Start { get; init; }
    /// <summary>When the node is expected to work again: the time to recover. Null only for a standing security zone.</summary>
    [Id(11)] public DateTimeOffset? ExpectedEnd { get; init; }
    /// <summary>"manual", "usgs", "imb-piracy" or "supplier-status".</summary>
    [Id(12)] public required string Source { get; init; }
    /// <summary>The feed item's id (USGS event id, piracy cluster) or the supplier/site: what duplicates are recognised by.</summary>
    [Id(13)] public string? SourceId { get; init; }
    [Id(14)] public string? Note { get; init; }
    /// <summary>Feed items end by themselves at <see cref="ExpectedEnd"/>; declared disruptions wait for someone to resolve them.</summary>
    [Id(15)] public bool AutoResolve { get; init; }
    /// <summary>Where to draw it: the chokepoint, the port, the site, the zone's centre.</summary>
    [Id(16)] public GeoPoint? Point { get; init; }
    /// <summary>The place in words: "Suez Canal", "Rotterdam", a site's name.</summary>
    [Id(17)] public string? PlaceName { get; init; }

    /// <summary>The same declaration field by field (the zone by value): posting it again, or importing a feed item again, is a no-op.</summary>
    public bool SameDeclarationAs(DisruptionDefinition o) =>
        Id == o.Id && Type == o.Type && Severity == o.Severity && Chokepoint == o.Chokepoint && Locode == o.Locode &&
        SupplierId == o.SupplierId && SiteId == o.SiteId && DelayDays == o.DelayDays && Start == o.Start &&
        ExpectedEnd == o.ExpectedEnd && Source == o.Source && SourceId == o.SourceId && Note == o.Note && SameZone(Zone, o.Zone);

    private static bool SameZone(ZoneGeometry? a, ZoneGeometry? b)
    {
        if (a == null || b == null) return a == b;
        if (a.Center != b.Center || a.RadiusKm != b.RadiusKm) return false;
        if (a.Polygons == null || b.Polygons == null) return a.Polygons == b.Polygons;
        return a.Polygons.Length == b.Polygons.Length && a.Polygons.Zip(b.Polygons).All(p =>
            p.First.Length == p.Second.Length && p.First.Zip(p.Second).All(r => r.First.SequenceEqual(r.Second)));
    }
}

/// <summary>
/// What a disruption asks of the shipments the index reaches: the grain of the shipment decides whether it is affected
/// (its remaining route passes the chokepoint, it is bound for the port, it is inside the zone).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DisruptionEffect(
    [property: Id(0)] string DisruptionId,
    [property: Id(1)] DisruptionType Type,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Chokepoint,
    [property: Id(4)] string? Locode,
    [property: Id(5)] ZoneGeometry? Zone,
    [property: Id(6)] double DelayDays,
    [property: Id(7)] DateTimeOffset? ExpectedEnd)
{
    public static DisruptionEffect From(DisruptionDefinition d) =>
        new(d.Id, d.Type, d.Title, d.Chokepoint, d.Locode, d.Zone, d.DelayDays, d.ExpectedEnd);
}
