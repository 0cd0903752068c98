using Visibility.Domain.Inventory;

namespace Visibility.Domain.Factories;

/// <summary>A factory's persisted state: its buffers, the inbound shipments that feed them, and who supplies what.</summary>
[GenerateSerializer]
public sealed class FactoryState
{
    [Id(0)] public FactoryProfile? Profile { get; set; }
    [Id(1)] public Dictionary<string, PartBuffer> Parts { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Part → shipment → quantity and ETA: on order until delivered. Kept for parts not configured yet too.</summary>
    [Id(2)] public Dictionary<string, Dictionary<string, InboundSupply>> Inbound { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Shipments already received: a delivery counts once however often it is reported.</summary>
    [Id(3)] public HashSet<string> Delivered { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Part → countries of the supplier sites that supply it to this factory.</summary>
    [Id(4)] public Dictionary<string, HashSet<string>> SupplyCountries { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Part → supplier site ("supplier/site") → that site with its last posted status.</summary>
    [Id(5)] public Dictionary<string, Dictionary<string, SupplySource>> Supply { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Part → open demand orders by order id (qualified demand is computed from them each evaluation).</summary>
    [Id(6)] public Dictionary<string, Dictionary<string, DemandOrder>> Demand { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Active disruptions that reach this factory, by disruption id: the shipments and supply they hold up.</summary>
    [Id(7)] public Dictionary<string, Disruptions.FactoryExposure> Exposures { get; set; } = new(StringComparer.Ordinal);

    public bool Exists => Profile != null;
}

[GenerateSerializer]
public sealed class PartBuffer
{
    [Id(0)] public required BufferParameters Parameters { get; set; }
    [Id(1)] public ConsumptionLog Consumption { get; set; } = new();
    [Id(2)] public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Country shares set by a planner; null = derived from the supplier sites that supply the part.</summary>
    [Id(3)] public Dictionary<string, double>? CountryShares { get; set; }
    /// <summary>Customs value per unit, for the duty per year; null = unknown (duty shown as unknown).</summary>
    [Id(4)] public double? UnitValueUsd { get; set; }
    /// <summary>The US HTS8 line when known (tariffs are defined per line); null = look up the HS6 heading.</summary>
    [Id(5)] public string? Hts8 { get; set; }
}

/// <summary>Part and quantity a shipment carries for one factory.</summary>
[GenerateSerializer, Immutable]
public sealed record InboundLine([property: Id(0)] string PartNumber, [property: Id(1)] double Quantity);

[GenerateSerializer, Immutable]
public sealed record ConsumptionEntry([property: Id(0)] string PartNumber, [property: Id(1)] DateOnly Date, [property: Id(2)] double Quantity);
