using Visibility.Domain.Disruptions;
using Visibility.Domain.Inventory;

namespace Visibility.Domain.Factories;

/// <summary>
/// A factory's exposure to disruptions as plain code: which parts a disruption touches (an affected shipment carries
/// them, or an affected supplier site supplies them) and, per part, TTS, TTR and the units at risk
/// (<see cref="TimeToSurvive"/>). Figures are computed when asked, so they follow stock, usage and ETAs as they move.
/// </summary>
public static class FactoryDisruptions
{
    /// <summary>Records (or replaces) what a disruption holds up here. Returns the parts whose rows change.</summary>
    public static IReadOnlyList<string> SetExposure(FactoryState state, FactoryExposure exposure)
    {
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        if (state.Exposures.TryGetValue(exposure.DisruptionId, out var old)) touched.UnionWith(PartsTouched(state, old));
        state.Exposures[exposure.DisruptionId] = exposure;
        touched.UnionWith(PartsTouched(state, exposure));
        return [.. touched];
    }

    /// <summary>The disruption is over. Returns the parts whose rows change.</summary>
    public static IReadOnlyList<string> ClearExposure(FactoryState state, string disruptionId)
    {
        if (!state.Exposures.Remove(disruptionId, out var old)) return [];
        return PartsTouched(state, old).ToArray();
    }

    public static IEnumerable<string> PartsTouched(FactoryState state, FactoryExposure exposure)
    {
        var shipments = exposure.ShipmentIds.ToHashSet(StringComparer.Ordinal);
        return state.Parts.Keys.Where(part => Touches(state, exposure, shipments, part)).Order(StringComparer.Ordinal);
    }

    private static bool Touches(FactoryState state, FactoryExposure exposure, HashSet<string> shipments, string part) =>
        exposure.Parts.Contains(part, StringComparer.Ordinal)
        || (state.Inbound.TryGetValue(part, out var byShipment) && byShipment.Keys.Any(shipments.Contains));

    /// <summary>Every touched part of this factory under one disruption, most units at risk first.</summary>
    public static PartRiskRow[] Rows(FactoryState state, string disruptionId, DateOnly today, DateTimeOffset now)
    {
        if (!state.Exposures.TryGetValue(disruptionId, out var exposure) || state.Profile == null) return [];
        var shipments = exposure.ShipmentIds.ToHashSet(StringComparer.Ordinal);
        return state.Parts.Keys
            .Where(part => Touches(state, exposure, shipments, part))
            .Select(part => Row(state, exposure, shipments, part, FactoryBuffers.Evaluate(state, part, today).Status, now))
            .OrderByDescending(r => r.ImpactUnits).ThenBy(r => r.TtsDays ?? double.MaxValue).ThenBy(r => r.PartNumber, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The part's exposure to each disruption that touches it, for its board row (the status is the one the row shows).</summary>
    public static PartRisk[] Risks(FactoryState state, string part, BufferStatus status, DateTimeOffset now)
    {
        if (state.Exposures.Count == 0) return [];
        var risks = new List<PartRisk>();
        foreach (var exposure in state.Exposures.Values)
        {
            var shipments = exposure.ShipmentIds.ToHashSet(StringComparer.Ordinal);
            if (!Touches(state, exposure, shipments, part)) continue;
            var row = Row(state, exposure, shipments, part, status, now);
            risks.Add(new PartRisk(exposure.DisruptionId, exposure.Type.ToApi(), exposure.Title, row.TtsDays, row.TtrDays, row.ImpactUnits, row.AtRisk));
        }
        return risks.OrderByDescending(r => r.ImpactUnits).ThenBy(r => r.DisruptionId, StringComparer.Ordinal).ToArray();
    }

    private static PartRiskRow Row(FactoryState state, FactoryExposure exposure, HashSet<string> shipments, string part, BufferStatus status, DateTimeOffset now)
    {
        double affected = 0, unaffected = 0;
        var affectedIds = new List<string>();
        if (state.Inbound.TryGetValue(part, out var byShipment))
            foreach (var (shipmentId, supply) in byShipment)
            {
                if (shipments.Contains(shipmentId)) { affected += supply.Quantity; affectedIds.Add(shipmentId); }
                else unaffected += supply.Quantity;
            }
        double? tts = TimeToSurvive.TtsDays(status.OnHand, unaffected, status.Adu);
        double? ttr = TimeToSurvive.TtrDays(exposure.ExpectedEnd, now);
        double impact = TimeToSurvive.ImpactUnits(status.Adu, tts, ttr);
        var profile = state.Profile!;
        return new PartRiskRow(profile.Id, profile.Name, part, Math.Round(status.Adu, 2), status.OnHand, unaffected, affected,
            tts is { } t ? Math.Round(t, 1) : null, ttr is { } r ? Math.Round(r, 1) : null, Math.Round(impact),
            TimeToSurvive.AtRisk(tts, ttr), status.ProjectedStockout, [.. affectedIds.Order(StringComparer.Ordinal)],
            exposure.Parts.Contains(part, StringComparer.Ordinal));
    }
}
