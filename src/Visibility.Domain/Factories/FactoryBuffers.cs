using Visibility.Domain.Inventory;

namespace Visibility.Domain.Factories;

/// <summary>
/// The factory's inventory rules as plain code: evaluating a part's buffer from its parameters, usage and inbound
/// shipments, and moving a delivered shipment from on order into on hand exactly once.
/// </summary>
public static class FactoryBuffers
{
    public static (BufferStatus Status, string AduSource) Evaluate(FactoryState state, string partNumber, DateOnly today, int horizonDays = BufferCalculator.DefaultHorizonDays)
    {
        var part = state.Parts[partNumber];
        var p = part.Parameters;
        double adu = p.Adu ?? part.Consumption.Adu(today);
        var inbound = state.Inbound.TryGetValue(partNumber, out var byShipment) ? byShipment.Values.ToArray() : [];
        double qualified = state.Demand.TryGetValue(partNumber, out var orders)
            ? QualifiedDemand.Compute(orders.Values, today, BufferZones.Compute(adu, p).Red, p.DltDays)
            : 0;
        return (BufferCalculator.Evaluate(p, adu, inbound, qualified, today, horizonDays), p.Adu is null ? "usage" : "parameter");
    }

    public static BufferView View(FactoryState state, string partNumber, DateOnly today, DateTimeOffset now)
    {
        var (status, source) = Evaluate(state, partNumber, today);
        var countries = state.SupplyCountries.TryGetValue(partNumber, out var set) ? set.Order().ToArray() : [];
        var supply = state.Supply.TryGetValue(partNumber, out var sources)
            ? sources.Values.OrderBy(s => s.SupplierName, StringComparer.Ordinal).ThenBy(s => s.SiteName, StringComparer.Ordinal).ToArray()
            : [];
        var profile = state.Profile!;
        return BufferView.From(profile.Id, profile.Name, partNumber, state.Parts[partNumber].Parameters, source, status, countries, now, profile.Demo)
            with { Supply = supply, SupplyStatus = SupplySource.Worst(supply), Risks = FactoryDisruptions.Risks(state, partNumber, status, now) };
    }

    public static BufferDetail Detail(FactoryState state, string partNumber, DateOnly today, DateTimeOffset now)
    {
        var (status, _) = Evaluate(state, partNumber, today);
        var projection = status.ProjectedOnHand.Select((onHand, d) => new ProjectionPoint(status.ProjectionStart.AddDays(d), Math.Round(onHand, 1))).ToArray();
        return new BufferDetail(View(state, partNumber, today, now), projection);
    }

    /// <summary>Records or moves a shipment's inbound quantities. Returns the parts whose buffer changed.</summary>
    public static IReadOnlyList<string> UpsertInbound(FactoryState state, string shipmentId, IReadOnlyList<InboundLine> lines, DateTimeOffset eta)
    {
        if (state.Delivered.Contains(shipmentId)) return [];
        var changed = new List<string>();
        foreach (var line in lines.GroupBy(l => l.PartNumber))
        {
            if (!state.Inbound.TryGetValue(line.Key, out var byShipment)) state.Inbound[line.Key] = byShipment = new(StringComparer.Ordinal);
            var supply = new InboundSupply(shipmentId, line.Sum(l => l.Quantity), eta);
            if (byShipment.TryGetValue(shipmentId, out var old) && old == supply) continue;
            byShipment[shipmentId] = supply;
            changed.Add(line.Key);
        }
        return changed;
    }

    /// <summary>
    /// A delivered shipment: its quantities leave "on order" and join "on hand", once. A repeated delivery changes nothing.
    /// Returns the parts whose buffer changed.
    /// </summary>
    public static IReadOnlyList<string> Deliver(FactoryState state, string shipmentId, IReadOnlyList<InboundLine> lines, DateTimeOffset at)
    {
        if (!state.Delivered.Add(shipmentId)) return [];
        var changed = new List<string>();
        foreach (var line in lines.GroupBy(l => l.PartNumber))
        {
            if (state.Inbound.TryGetValue(line.Key, out var byShipment)) byShipment.Remove(shipmentId);
            if (state.Parts.TryGetValue(line.Key, out var part))
            {
                part.Parameters = part.Parameters with { OnHand = part.Parameters.OnHand + line.Sum(l => l.Quantity) };
                part.UpdatedAt = at;
            }
            changed.Add(line.Key);
        }
        return changed;
    }

    /// <summary>
    /// Records that a supplier site supplies a part. A site registered again keeps the status it last posted (the
    /// supplier re-registers on every create call). Returns true when the part's row changed.
    /// </summary>
    public static bool RegisterSupply(FactoryState state, string partNumber, SupplySource source)
    {
        if (!state.SupplyCountries.TryGetValue(partNumber, out var countries)) state.SupplyCountries[partNumber] = countries = new(StringComparer.Ordinal);
        bool changed = countries.Add(source.Country);
        if (!state.Supply.TryGetValue(partNumber, out var sources)) state.Supply[partNumber] = sources = new(StringComparer.Ordinal);
        var merged = sources.TryGetValue(source.Key, out var held)
            ? source with { Status = held.Status, CapacityPct = held.CapacityPct, ExpectedRecovery = held.ExpectedRecovery }
            : source;
        if (held == merged) return changed;
        sources[source.Key] = merged;
        return true;
    }

    /// <summary>A supplier site posted its status: every part it supplies here takes it. Returns the parts whose row changed.</summary>
    public static IReadOnlyList<string> UpdateSupplyStatus(FactoryState state, string supplierId, string siteId, string status, double capacityPct, DateTimeOffset? expectedRecovery)
    {
        var key = supplierId + "/" + siteId;
        var changed = new List<string>();
        foreach (var (partNumber, sources) in state.Supply)
        {
            if (!sources.TryGetValue(key, out var held)) continue;
            var updated = held with { Status = status, CapacityPct = capacityPct, ExpectedRecovery = expectedRecovery };
            if (updated == held) continue;
            sources[key] = updated;
            changed.Add(partNumber);
        }
        return changed;
    }

    /// <summary>At most this many open orders per part: beyond it an order feed is misconfigured, not busy.</summary>
    public const int MaxOpenOrdersPerPart = 10_000;

    /// <summary>Adds or replaces open orders (by order id). Returns the parts whose buffer changed, or null when a part would exceed the cap.</summary>
    public static IReadOnlyList<string>? UpsertDemand(FactoryState state, IReadOnlyList<DemandOrder> orders)
    {
        foreach (var group in orders.GroupBy(o => o.PartNumber))
        {
            int held = state.Demand.TryGetValue(group.Key, out var existing) ? existing.Count : 0;
            int added = group.Select(o => o.OrderId).Distinct().Count(id => existing == null || !existing.ContainsKey(id));
            if (held + added > MaxOpenOrdersPerPart) return null;
        }
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            if (!state.Demand.TryGetValue(order.PartNumber, out var byId)) state.Demand[order.PartNumber] = byId = new(StringComparer.Ordinal);
            if (byId.TryGetValue(order.OrderId, out var old) && old == order) continue;
            byId[order.OrderId] = order;
            changed.Add(order.PartNumber);
        }
        return [.. changed];
    }

    /// <summary>An order was shipped or cancelled: it leaves the open orders. Returns its part, or null when it was not open.</summary>
    public static string? CloseDemand(FactoryState state, string orderId)
    {
        foreach (var (partNumber, byId) in state.Demand)
            if (byId.Remove(orderId)) return partNumber;
        return null;
    }

    public static DemandOrder[] OpenDemand(FactoryState state, string? partNumber) =>
        state.Demand.Where(kv => partNumber == null || kv.Key == partNumber).SelectMany(kv => kv.Value.Values)
            .OrderBy(o => o.DueDate).ThenBy(o => o.OrderId, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Where a part comes from, by country, in percent: the planner's shares when set, otherwise an equal share per
    /// supplier site that supplies it (so a country with two sites carries twice the weight). Empty when unknown.
    /// </summary>
    public static Sourcing.CountryShare[] CountryShares(FactoryState state, string partNumber)
    {
        if (state.Parts.TryGetValue(partNumber, out var part) && part.CountryShares is { Count: > 0 } set)
            return set.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new Sourcing.CountryShare(kv.Key, kv.Value)).ToArray();
        if (!state.Supply.TryGetValue(partNumber, out var sources) || sources.Count == 0) return [];
        double each = 100.0 / sources.Count;
        return sources.Values.GroupBy(s => s.Country).Select(g => new Sourcing.CountryShare(g.Key, Math.Round(each * g.Count(), 6)))
            .OrderByDescending(s => s.SharePct).ThenBy(s => s.Country, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Supplier shares (equal per site, summed per supplier) for the HHI by supplier.</summary>
    public static IReadOnlyDictionary<string, double> SupplierShares(FactoryState state, string partNumber) =>
        state.Supply.TryGetValue(partNumber, out var sources) && sources.Count > 0
            ? sources.Values.GroupBy(s => s.SupplierId).ToDictionary(g => g.Key, g => 100.0 * g.Count() / sources.Count, StringComparer.Ordinal)
            : new Dictionary<string, double>();

    public static Sourcing.PartSourcing Sourcing(FactoryState state, string partNumber, DateOnly today)
    {
        var (status, _) = Evaluate(state, partNumber, today, horizonDays: 1);
        var part = state.Parts[partNumber];
        var p = state.Profile!;
        return new Sourcing.PartSourcing(p.Id, p.Country, partNumber, part.Parameters.HsCode.Replace(".", "")[..Math.Min(6, part.Parameters.HsCode.Replace(".", "").Length)],
            CountryShares(state, partNumber), status.Adu * 365, part.UnitValueUsd ?? 0, part.Parameters, status.Adu,
            new Dictionary<string, double>(SupplierShares(state, partNumber), StringComparer.Ordinal), part.Hts8);
    }
}
