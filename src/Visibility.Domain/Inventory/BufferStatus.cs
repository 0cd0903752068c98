namespace Visibility.Domain.Inventory;

/// <summary>
/// One buffer evaluated on one day: what the buffer board shows for a factory × part (the caller adds the factory
/// and part number). Produced by <see cref="BufferCalculator.Evaluate"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BufferStatus
{
    /// <summary>The ADU the zones were sized with (given, or computed from usage).</summary>
    [Id(0)] public required double Adu { get; init; }
    [Id(1)] public required BufferZones Zones { get; init; }
    [Id(2)] public required double OnHand { get; init; }
    /// <summary>Open orders plus every inbound shipment's quantity, whatever its ETA.</summary>
    [Id(3)] public required double OnOrder { get; init; }
    [Id(4)] public required double QualifiedDemand { get; init; }
    /// <summary>Net flow position: on hand + on order − qualified demand (negative when demand exceeds supply).</summary>
    [Id(5)] public required double NetFlow { get; init; }
    /// <summary>NFP / TOG × 100; lowest first. Negative when NFP is; see <see cref="BufferCalculator.PlanningPriorityPct"/> for TOG = 0.</summary>
    [Id(6)] public required double PlanningPriorityPct { get; init; }
    [Id(7)] public required BufferZone Zone { get; init; }
    /// <summary>Whole units to order now (TOG − NFP rounded up) when NFP ≤ TOY, else 0.</summary>
    [Id(8)] public required double SuggestedOrderQty { get; init; }
    [Id(9)] public required ExecutionZone ExecutionZone { get; init; }
    /// <summary>On hand / ADU (on hand only, no arrivals); null when ADU is 0.</summary>
    [Id(10)] public required double? DaysOfCover { get; init; }
    /// <summary>First day of the projection with projected on hand ≤ 0; null when none within the horizon.</summary>
    [Id(11)] public required DateOnly? ProjectedStockout { get; init; }
    /// <summary>The day of <see cref="ProjectedOnHand"/>[0]: the evaluation day.</summary>
    [Id(12)] public required DateOnly ProjectionStart { get; init; }
    /// <summary>Projected on hand per day, index d = ProjectionStart + d days, for d = 0..horizon (see <see cref="StockProjection"/>).</summary>
    [Id(13)] public required double[] ProjectedOnHand { get; init; }
    /// <summary>The inbound shipments counted, earliest ETA first (ties by shipment id).</summary>
    [Id(14)] public required InboundSupply[] Inbound { get; init; }

    public bool OrderSuggested => SuggestedOrderQty > 0;

    /// <summary>Projected on hand on <paramref name="day"/>, or null outside the projection.</summary>
    public double? ProjectedOnHandOn(DateOnly day)
    {
        int d = day.DayNumber - ProjectionStart.DayNumber;
        return d >= 0 && d < ProjectedOnHand.Length ? ProjectedOnHand[d] : null;
    }
}
