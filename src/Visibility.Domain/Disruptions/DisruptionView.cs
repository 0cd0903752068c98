using Visibility.Domain.Geo;

namespace Visibility.Domain.Disruptions;

/// <summary>A disruption as the API, the live feed and the map show it.</summary>
[GenerateSerializer, Immutable]
public sealed record DisruptionView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Type { get; init; }
    [Id(2)] public required string Severity { get; init; }
    [Id(3)] public required string Title { get; init; }
    [Id(4)] public required string Status { get; init; }
    [Id(5)] public string? Chokepoint { get; init; }
    [Id(6)] public string? Locode { get; init; }
    [Id(7)] public string? PlaceName { get; init; }
    /// <summary>Where to put its marker: the chokepoint, the port, the site, the zone's centre.</summary>
    [Id(8)] public GeoPoint? Point { get; init; }
    [Id(9)] public ZoneView? Zone { get; init; }
    [Id(10)] public string? SupplierId { get; init; }
    [Id(11)] public string? SiteId { get; init; }
    [Id(12)] public double DelayDays { get; init; }
    [Id(13)] public DateTimeOffset Start { get; init; }
    [Id(14)] public DateTimeOffset? ExpectedEnd { get; init; }
    /// <summary>Time to recover from now, in days (0 once the expected end has passed); null without an expected end.</summary>
    [Id(15)] public double? TtrDays { get; init; }
    [Id(16)] public required string Source { get; init; }
    [Id(17)] public string? SourceId { get; init; }
    [Id(18)] public string? Note { get; init; }
    [Id(19)] public bool AutoResolve { get; init; }
    [Id(20)] public DateTimeOffset CreatedAt { get; init; }
    [Id(21)] public string CreatedBy { get; init; } = "";
    [Id(22)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(23)] public string? ResolvedBy { get; init; }
    [Id(24)] public required ImpactSummary Impact { get; init; }
    /// <summary>Grows with every change (the live feed keeps the highest).</summary>
    [Id(25)] public long Version { get; init; }

    public static DisruptionView From(DisruptionState s, DateTimeOffset now)
    {
        var d = s.Definition!;
        return new DisruptionView
        {
            Id = d.Id,
            Type = d.Type.ToApi(),
            Severity = d.Severity.ToApi(),
            Title = d.Title,
            Status = s.Status.ToApi(),
            Chokepoint = d.Chokepoint,
            Locode = d.Locode,
            PlaceName = d.PlaceName,
            Point = d.Point,
            Zone = d.Zone is { } z ? ZoneView.From(z) : null,
            SupplierId = d.SupplierId,
            SiteId = d.SiteId,
            DelayDays = d.DelayDays,
            Start = d.Start,
            ExpectedEnd = d.ExpectedEnd,
            TtrDays = s.IsActive && TimeToSurvive.TtrDays(d.ExpectedEnd, now) is { } ttr ? Math.Round(ttr, 1) : null,
            Source = d.Source,
            SourceId = d.SourceId,
            Note = d.Note,
            AutoResolve = d.AutoResolve,
            CreatedAt = s.CreatedAt,
            CreatedBy = s.CreatedBy,
            ResolvedAt = s.ResolvedAt,
            ResolvedBy = s.ResolvedBy,
            Impact = s.Summary(),
            Version = s.Version,
        };
    }
}

/// <summary>A zone for drawing: a circle (centre, radius in km) or GeoJSON polygon coordinates ([lon, lat]).</summary>
[GenerateSerializer, Immutable]
public sealed record ZoneView([property: Id(0)] GeoPoint? Center, [property: Id(1)] double? RadiusKm, [property: Id(2)] double[][][][]? Polygons)
{
    public static ZoneView From(ZoneGeometry z) => z.Center is { } c
        ? new ZoneView(c, z.RadiusKm, null)
        : new ZoneView(null, null, z.Polygons!.Select(p => p.Select(r => r.Select(pt => new[] { pt.Lon, pt.Lat }).ToArray()).ToArray()).ToArray());
}

/// <summary>GET /api/disruptions/{id}/impact: the disruption with everything it reaches, each list ranked.</summary>
[GenerateSerializer, Immutable]
public sealed record DisruptionImpactView(
    [property: Id(0)] DisruptionView Disruption,
    [property: Id(1)] ShipmentImpact[] Shipments,
    [property: Id(2)] SiteImpact[] Suppliers,
    [property: Id(3)] PartRiskRow[] Parts);
