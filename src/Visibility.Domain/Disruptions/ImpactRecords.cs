using Visibility.Domain.Suppliers;

namespace Visibility.Domain.Disruptions;

/// <summary>How a disruption changed one shipment, as the shipment reported it.</summary>
/// <param name="Effect">rerouted, delayed (congestion, customs), held (port closed until the expected end), stranded
/// (no route round a closed chokepoint: waits for it to reopen) or in-zone (inside a hazard or security zone).</param>
/// <param name="AddedDays">ETA after − ETA before, in days (0 for a zone alert).</param>
[GenerateSerializer, Immutable]
public sealed record ShipmentImpact(
    [property: Id(0)] string ShipmentId,
    [property: Id(1)] string Reference,
    [property: Id(2)] string Mode,
    [property: Id(3)] string Origin,
    [property: Id(4)] string Destination,
    [property: Id(5)] string Effect,
    [property: Id(6)] double DistanceKmBefore,
    [property: Id(7)] double DistanceKmAfter,
    [property: Id(8)] DateTimeOffset EtaBefore,
    [property: Id(9)] DateTimeOffset EtaAfter,
    [property: Id(10)] double AddedDays,
    [property: Id(11)] string[] FactoryIds,
    [property: Id(12)] DateTimeOffset At);

public static class ShipmentEffects
{
    public const string Rerouted = "rerouted";
    public const string Delayed = "delayed";
    public const string Held = "held";
    public const string Stranded = "stranded";
    public const string InZone = "in-zone";
    /// <summary>A zone the shipment is not inside (yet): kept so that entering it later raises the alert.</summary>
    public const string Watching = "watching";
}

/// <summary>A supplier site a disruption reaches (inside a hazard area, or the site of an outage), with what it supplies to whom.</summary>
[GenerateSerializer, Immutable]
public sealed record SiteImpact(
    [property: Id(0)] string SupplierId,
    [property: Id(1)] string SupplierName,
    [property: Id(2)] string SiteId,
    [property: Id(3)] string SiteName,
    [property: Id(4)] string Country,
    [property: Id(5)] double Lat,
    [property: Id(6)] double Lon,
    [property: Id(7)] SuppliedPart[] Parts)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => SupplierId + "/" + SiteId;
}

/// <summary>What a factory is told about one disruption: the inbound shipments it affects and the parts whose supply it cuts.</summary>
[GenerateSerializer, Immutable]
public sealed record FactoryExposure(
    [property: Id(0)] string DisruptionId,
    [property: Id(1)] DisruptionType Type,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset? ExpectedEnd,
    [property: Id(4)] string[] ShipmentIds,
    [property: Id(5)] string[] Parts);

/// <summary>
/// One factory × part under one disruption: time to survive (TTS, days), time to recover (TTR, days) and the units
/// that cannot be made if TTS &lt; TTR: ADU × max(0, TTR − TTS). <see cref="TtsDays"/> is null for a part with no
/// usage (it never runs out); <see cref="TtrDays"/> null when the disruption has no expected end.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PartRiskRow(
    [property: Id(0)] string FactoryId,
    [property: Id(1)] string FactoryName,
    [property: Id(2)] string PartNumber,
    [property: Id(3)] double Adu,
    [property: Id(4)] double OnHand,
    [property: Id(5)] double UnaffectedInbound,
    [property: Id(6)] double AffectedInbound,
    [property: Id(7)] double? TtsDays,
    [property: Id(8)] double? TtrDays,
    [property: Id(9)] double ImpactUnits,
    [property: Id(10)] bool AtRisk,
    [property: Id(11)] DateOnly? ProjectedStockout,
    [property: Id(12)] string[] AffectedShipments,
    [property: Id(13)] bool SupplyCut);

/// <summary>A part's exposure to one disruption, on its board row.</summary>
[GenerateSerializer, Immutable]
public sealed record PartRisk(
    [property: Id(0)] string DisruptionId,
    [property: Id(1)] string Type,
    [property: Id(2)] string Title,
    [property: Id(3)] double? TtsDays,
    [property: Id(4)] double? TtrDays,
    [property: Id(5)] double ImpactUnits,
    [property: Id(6)] bool AtRisk);
