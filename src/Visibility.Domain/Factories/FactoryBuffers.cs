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
        return (BufferCalculator.Evaluate(p, adu, inbound, qualifiedDemand: 0, today, horizonDays), p.Adu is null ? "usage" : "parameter");
    }

    public static BufferView View(FactoryState state, string partNumber, DateOnly today, DateTimeOffset now)
    {
        var (status, source) = Evaluate(state, partNumber, today);
        var countries = state.SupplyCountries.TryGetValue(partNumber, out var set) ? set.Order().ToArray() : [];
        var profile = state.Profile!;
        return BufferView.From(profile.Id, profile.Name, partNumber, state.Parts[partNumber].Parameters, source, status, countries, now, profile.Demo);
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
}
