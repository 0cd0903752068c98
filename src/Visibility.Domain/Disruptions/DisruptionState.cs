namespace Visibility.Domain.Disruptions;

/// <summary>A disruption grain's persisted state: the declaration, its status and what it has reached so far.</summary>
[GenerateSerializer]
public sealed class DisruptionState
{
    [Id(0)] public DisruptionDefinition? Definition { get; set; }
    [Id(1)] public DisruptionStatus Status { get; set; }
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
    [Id(3)] public string CreatedBy { get; set; } = "";
    [Id(4)] public DateTimeOffset? ResolvedAt { get; set; }
    [Id(5)] public string? ResolvedBy { get; set; }
    /// <summary>Shipments it affects now, by id.</summary>
    [Id(6)] public Dictionary<string, ShipmentImpact> Shipments { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Supplier sites it reaches, by "supplier/site".</summary>
    [Id(7)] public Dictionary<string, SiteImpact> Sites { get; set; } = new(StringComparer.Ordinal);
    /// <summary>The factory × part rows as last gathered from the factories (most units at risk first).</summary>
    [Id(8)] public List<PartRiskRow> Parts { get; set; } = [];
    /// <summary>Grows with every change: the newer of two views of one disruption wins on the live feed.</summary>
    [Id(9)] public long Version { get; set; }
    /// <summary>False while the first propagation is still running.</summary>
    [Id(10)] public bool Propagated { get; set; }
    /// <summary>Factories told about it (they are told again when the set of affected shipments or sites changes, and when it ends).</summary>
    [Id(11)] public HashSet<string> Factories { get; set; } = new(StringComparer.Ordinal);

    public bool Exists => Definition != null;
    public bool IsActive => Exists && Status == DisruptionStatus.Active;

    public ImpactSummary Summary() => new(
        Shipments.Count,
        Shipments.Values.Count(i => i.Effect == ShipmentEffects.Rerouted),
        Shipments.Values.Count(i => i.Effect is ShipmentEffects.Delayed or ShipmentEffects.Held),
        Shipments.Values.Count(i => i.Effect == ShipmentEffects.InZone),
        Shipments.Values.Count(i => i.Effect == ShipmentEffects.Stranded),
        Shipments.Count == 0 ? 0 : Math.Round(Shipments.Values.Max(i => i.AddedDays), 1),
        Shipments.Count == 0 ? 0 : Math.Round(Shipments.Values.Max(i => i.DistanceKmAfter - i.DistanceKmBefore)),
        Sites.Count,
        Parts.Select(p => p.FactoryId).Distinct().Count(),
        Parts.Count,
        Parts.Count(p => p.AtRisk),
        Math.Round(Parts.Sum(p => p.ImpactUnits)),
        IsActive && !Propagated);
}

/// <param name="PartsAtRisk">Factory × part rows whose TTS is shorter than the TTR.</param>
/// <param name="UnitsAtRisk">Σ ADU × max(0, TTR − TTS) over the rows.</param>
/// <param name="Propagating">True until the disruption has reached everything it affects when declared.</param>
[GenerateSerializer, Immutable]
public sealed record ImpactSummary(
    [property: Id(0)] int Shipments,
    [property: Id(1)] int Rerouted,
    [property: Id(2)] int Delayed,
    [property: Id(3)] int InZone,
    [property: Id(4)] int Stranded,
    [property: Id(5)] double MaxAddedDays,
    [property: Id(6)] double MaxAddedKm,
    [property: Id(7)] int Sites,
    [property: Id(8)] int Factories,
    [property: Id(9)] int Parts,
    [property: Id(10)] int PartsAtRisk,
    [property: Id(11)] double UnitsAtRisk,
    [property: Id(12)] bool Propagating);
