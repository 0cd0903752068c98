namespace Visibility.Domain.Inventory;

/// <summary>
/// Evaluates a DDMRP buffer (Ptak &amp; Smith) on a given day: zones, net flow, planning signal, execution signal and a
/// projected on-hand curve with the stock-out date. Pure arithmetic; the rules are public so the board, tests and the
/// benchmark's plain loop share one definition.
/// </summary>
public static class BufferCalculator
{
    public const int DefaultHorizonDays = 90;
    public const int MaxHorizonDays = 3650;

    private static readonly Comparison<InboundSupply> ByEta = (a, b) =>
    {
        int c = a.Eta.CompareTo(b.Eta);
        return c != 0 ? c : string.CompareOrdinal(a.ShipmentId, b.ShipmentId);
    };

    /// <param name="p">Validated parameters (<see cref="BufferParameters.Validate"/>); p.Adu is not read, pass the ADU to use.</param>
    /// <param name="adu">ADU to size the zones and the projection with: p.Adu, or one computed from usage.</param>
    /// <param name="inbound">Undelivered shipments for this factory × part, any order.</param>
    /// <param name="qualifiedDemand">Past-due + due today + qualified spikes, ≥ 0.</param>
    /// <param name="today">The evaluation day; the projection starts here.</param>
    /// <param name="horizonDays">Days projected after today (the issue asks for at least 60).</param>
    /// <remarks>Three allocations: the status, the projection array and the sorted copy of the inbound list.</remarks>
    public static BufferStatus Evaluate(BufferParameters p, double adu, IReadOnlyList<InboundSupply> inbound, double qualifiedDemand,
        DateOnly today, int horizonDays = DefaultHorizonDays)
    {
        if (!double.IsFinite(adu) || adu < 0) throw new ArgumentOutOfRangeException(nameof(adu), adu, "must be finite and ≥ 0");
        if (!double.IsFinite(qualifiedDemand) || qualifiedDemand < 0)
            throw new ArgumentOutOfRangeException(nameof(qualifiedDemand), qualifiedDemand, "must be finite and ≥ 0");
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(horizonDays, MaxHorizonDays);

        var sorted = SortedCopy(inbound, out double inboundTotal);
        var zones = BufferZones.Compute(adu, p);
        double onOrder = p.OpenOrders + inboundTotal;
        double netFlow = p.OnHand + onOrder - qualifiedDemand;

        var projection = new double[horizonDays + 1];
        int stockoutDay = StockProjection.Fill(projection, p.OnHand, adu, sorted, today);

        return new BufferStatus
        {
            Adu = adu,
            Zones = zones,
            OnHand = p.OnHand,
            OnOrder = onOrder,
            QualifiedDemand = qualifiedDemand,
            NetFlow = netFlow,
            PlanningPriorityPct = PlanningPriorityPct(netFlow, zones),
            Zone = ZoneOf(netFlow, zones),
            SuggestedOrderQty = SuggestedOrderQty(netFlow, zones),
            ExecutionZone = ExecutionZoneOf(p.OnHand, zones),
            DaysOfCover = adu > 0 ? p.OnHand / adu : null,
            ProjectedStockout = stockoutDay >= 0 ? today.AddDays(stockoutDay) : null,
            ProjectionStart = today,
            ProjectedOnHand = projection,
            Inbound = sorted,
        };
    }

    /// <summary>Red when NFP ≤ TOR, yellow when NFP ≤ TOY, else green: a position exactly on a top belongs to the lower zone.</summary>
    public static BufferZone ZoneOf(double netFlow, in BufferZones zones) =>
        netFlow <= zones.TopOfRed ? BufferZone.Red : netFlow <= zones.TopOfYellow ? BufferZone.Yellow : BufferZone.Green;

    /// <summary>
    /// When NFP ≤ TOY: TOG − NFP, rounded up to whole units (floating noise below a millionth of a unit is ignored, so an
    /// exact 1500 is not ordered as 1501); otherwise 0. No separate MOQ rounding is needed: the order is at least
    /// TOG − TOY = green ≥ MOQ. It is positive whenever the green zone is (ADU > 0 or MOQ > 0).
    /// </summary>
    public static double SuggestedOrderQty(double netFlow, in BufferZones zones) =>
        netFlow <= zones.TopOfYellow ? Math.Max(0, Math.Ceiling(zones.TopOfGreen - netFlow - 1e-6)) : 0;

    /// <summary>
    /// NFP / TOG × 100 (lowest is most urgent; negative when NFP is). TOG is 0 only with no usage and no MOQ: such a
    /// buffer has nothing to keep, so it ranks as full (100) unless qualified demand already exceeds supply, when it
    /// ranks as empty (0).
    /// </summary>
    public static double PlanningPriorityPct(double netFlow, in BufferZones zones) =>
        zones.TopOfGreen > 0 ? netFlow / zones.TopOfGreen * 100 : netFlow >= 0 ? 100 : 0;

    /// <summary>On hand against the buffer: ≤ 0 stockout, ≤ TOR red, ≤ TOY yellow, ≤ TOG green, above TOG over.</summary>
    public static ExecutionZone ExecutionZoneOf(double onHand, in BufferZones zones) =>
        onHand <= 0 ? ExecutionZone.Stockout
        : onHand <= zones.TopOfRed ? ExecutionZone.Red
        : onHand <= zones.TopOfYellow ? ExecutionZone.Yellow
        : onHand <= zones.TopOfGreen ? ExecutionZone.Green
        : ExecutionZone.Over;

    private static InboundSupply[] SortedCopy(IReadOnlyList<InboundSupply> inbound, out double total)
    {
        total = 0;
        int count = inbound.Count;
        if (count == 0) return [];
        var copy = new InboundSupply[count];
        bool inOrder = true;
        for (int i = 0; i < count; i++)
        {
            var item = inbound[i];
            if (!double.IsFinite(item.Quantity) || item.Quantity < 0)
                throw new ArgumentOutOfRangeException(nameof(inbound), item.Quantity, $"inbound quantity of {item.ShipmentId} must be finite and ≥ 0");
            copy[i] = item;
            total += item.Quantity;
            if (i > 0 && ByEta(copy[i - 1], item) > 0) inOrder = false;
        }
        if (!inOrder) Array.Sort(copy, ByEta); // a list already kept by ETA skips the sort
        return copy;
    }
}
