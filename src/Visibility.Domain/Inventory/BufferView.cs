namespace Visibility.Domain.Inventory;

/// <summary>One factory × part buffer as the API and the manager board show it.</summary>
[GenerateSerializer, Immutable]
public sealed record BufferView
{
    [Id(0)] public required string FactoryId { get; init; }
    [Id(1)] public required string FactoryName { get; init; }
    [Id(2)] public required string PartNumber { get; init; }
    [Id(3)] public required string HsCode { get; init; }
    [Id(4)] public double Adu { get; init; }
    [Id(5)] public required string AduSource { get; init; }
    [Id(6)] public double Red { get; init; }
    [Id(7)] public double Yellow { get; init; }
    [Id(8)] public double Green { get; init; }
    [Id(9)] public double TopOfRed { get; init; }
    [Id(10)] public double TopOfYellow { get; init; }
    [Id(11)] public double TopOfGreen { get; init; }
    [Id(12)] public double OnHand { get; init; }
    [Id(13)] public double OnOrder { get; init; }
    [Id(14)] public double QualifiedDemand { get; init; }
    [Id(15)] public double NetFlow { get; init; }
    [Id(16)] public double PlanningPriorityPct { get; init; }
    [Id(17)] public required string Zone { get; init; }
    [Id(18)] public double SuggestedOrderQty { get; init; }
    [Id(19)] public required string ExecutionZone { get; init; }
    [Id(20)] public double? DaysOfCover { get; init; }
    [Id(21)] public DateOnly? ProjectedStockout { get; init; }
    [Id(22)] public InboundView[] Inbound { get; init; } = [];
    [Id(23)] public string[] SupplyCountries { get; init; } = [];
    [Id(24)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(25)] public bool Demo { get; init; }
    /// <summary>The supplier sites that supply this part to this factory, with what each last posted.</summary>
    [Id(26)] public Factories.SupplySource[] Supply { get; init; } = [];
    /// <summary>The worst status among <see cref="Supply"/> (halted, reduced, operating), or null with no known source.</summary>
    [Id(27)] public string? SupplyStatus { get; init; }
    /// <summary>Active disruptions that touch this part here: TTS, TTR and units at risk for each, most units first.</summary>
    [Id(28)] public Disruptions.PartRisk[] Risks { get; init; } = [];

    public static BufferView From(string factoryId, string factoryName, string partNumber, BufferParameters p, string aduSource,
        BufferStatus s, string[] supplyCountries, DateTimeOffset updatedAt, bool demo) => new()
    {
        FactoryId = factoryId,
        FactoryName = factoryName,
        PartNumber = partNumber,
        HsCode = p.HsCode,
        Adu = Math.Round(s.Adu, 2),
        AduSource = aduSource,
        Red = Math.Round(s.Zones.Red, 1),
        Yellow = Math.Round(s.Zones.Yellow, 1),
        Green = Math.Round(s.Zones.Green, 1),
        TopOfRed = Math.Round(s.Zones.TopOfRed, 1),
        TopOfYellow = Math.Round(s.Zones.TopOfYellow, 1),
        TopOfGreen = Math.Round(s.Zones.TopOfGreen, 1),
        OnHand = s.OnHand,
        OnOrder = s.OnOrder,
        QualifiedDemand = s.QualifiedDemand,
        NetFlow = Math.Round(s.NetFlow, 1),
        PlanningPriorityPct = Math.Round(s.PlanningPriorityPct, 1),
        Zone = s.Zone.ToApi(),
        SuggestedOrderQty = s.SuggestedOrderQty,
        ExecutionZone = s.ExecutionZone.ToApi(),
        DaysOfCover = s.DaysOfCover is { } d ? Math.Round(d, 1) : null,
        ProjectedStockout = s.ProjectedStockout,
        Inbound = s.Inbound.Select(i => new InboundView(i.ShipmentId, i.Quantity, i.Eta)).ToArray(),
        SupplyCountries = supplyCountries,
        UpdatedAt = updatedAt,
        Demo = demo,
    };
}

[GenerateSerializer, Immutable]
public sealed record InboundView([property: Id(0)] string ShipmentId, [property: Id(1)] double Quantity, [property: Id(2)] DateTimeOffset Eta);

/// <summary>A buffer with its day-by-day projected on hand, for the drill-down chart.</summary>
[GenerateSerializer, Immutable]
public sealed record BufferDetail([property: Id(0)] BufferView Buffer, [property: Id(1)] ProjectionPoint[] Projection);

[GenerateSerializer, Immutable]
public sealed record ProjectionPoint([property: Id(0)] DateOnly Date, [property: Id(1)] double OnHand);
