using Visibility.Domain.Sourcing;
using Visibility.Domain.Tariffs;
using Visibility.Domain.Validation;
using Visibility.Grains.Factories;
using Visibility.Grains.Registry;

namespace Visibility.Host.Sourcing;

/// <summary>
/// Runs a rebalancing what-if: gathers the parts in scope from the factory grains, applies the moves to each part's
/// country shares, and pictures each part before and after (Domain/Sourcing/Rebalance). In a factory-wide what-if a move
/// takes from each part at most what its source country supplies; a part-level move must fit exactly.
/// </summary>
public sealed class RebalanceService(IGrainFactory grains, SeaLeadTimes sea, Section301Table tariffs, ExportConcentrationTable centrality,
    Live.DisruptionFeedState disruptions, TimeProvider clock)
{
    public async Task<(RebalanceResult? Result, ValidationErrors Errors)> RunAsync(RebalanceRequest request)
    {
        var errors = new ValidationErrors();
        var moves = request.Validate(errors);
        if (moves == null) return (null, errors);
        var parts = await GatherAsync(request, errors);
        if (parts == null) return (null, errors);
        var open = (await disruptions.SnapshotAsync()).Disruptions.Where(d => d.Status == "active").ToArray();
        return (Evaluate(request, moves, parts, errors, open), errors);
    }

    private async Task<List<PartSourcing>?> GatherAsync(RebalanceRequest request, ValidationErrors errors)
    {
        var factoryIds = request.FactoryId != null ? [request.FactoryId] : await grains.GetGrain<IRegistryGrain>(Registries.Factories).All();
        var all = await Task.WhenAll(factoryIds.Select(id => grains.GetGrain<IFactoryGrain>(id).GetSourcing(null)));
        if (request.FactoryId != null && all[0] == null) { errors.Add("factoryId", $"unknown factory '{request.FactoryId}'"); return null; }
        var parts = all.Where(a => a != null).SelectMany(a => a!).Where(p => request.PartNumber == null || p.PartNumber == request.PartNumber).ToList();
        if (parts.Count == 0)
        {
            errors.Add("partNumber", request.FactoryId == null ? $"no factory buffers part '{request.PartNumber}'" : $"factory '{request.FactoryId}' has no part '{request.PartNumber}'");
            return null;
        }
        return parts;
    }

    /// <summary>The arithmetic alone, on parts already gathered (the benchmark calls this directly).</summary>
    public RebalanceResult? Evaluate(RebalanceRequest request, ShareMove[] moves, IReadOnlyList<PartSourcing> parts, ValidationErrors errors,
        IReadOnlyList<Domain.Disruptions.DisruptionView>? openDisruptions = null)
    {
        var open = openDisruptions ?? [];
        var date = request.Date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        bool partLevel = request.PartNumber != null;
        var results = new List<PartResult>(parts.Count);
        var unsourced = new List<PartRef>();
        foreach (var part in parts)
        {
            if (part.Shares.Length == 0) { unsourced.Add(new PartRef(part.FactoryId, part.PartNumber)); continue; }
            var partMoves = partLevel ? moves : Capped(part.Shares, moves);
            var after = Rebalance.Apply(part.Shares, partMoves, errors, partLevel && parts.Count == 1 ? "moves" : $"moves ({part.FactoryId} {part.PartNumber})");
            if (after == null) continue;
            double Km(string country) => sea.SeaKm(country, part.FactoryCountry) ?? double.NaN;
            Func<string, double?> seaKm = c => Km(c) is var k && double.IsFinite(k) ? k : null;
            double baseline = Rebalance.SeaLeadDays(part.FactoryCountry, part.Shares, seaKm);
            SourcingLane? Lane(string country) => sea.Lane(country, part.FactoryCountry);
            results.Add(new PartResult(part.FactoryId, part.PartNumber, part.HsCode, Math.Round(part.AnnualQuantity), part.UnitValueUsd,
                Rebalance.Picture(part, part.Shares, seaKm, tariffs, centrality, date, baseline),
                Rebalance.Picture(part, after, seaKm, tariffs, centrality, date, baseline),
                LaneExposure.Of(part.Shares, Lane, open), LaneExposure.Of(after, Lane, open)));
        }
        if (!errors.IsEmpty) return null;
        if (results.Count == 0)
        {
            errors.Add("partNumber", "none of the parts in scope has known sources: set their sourcing (PUT …/parts/{part}/sourcing) or register suppliers");
            return null;
        }
        return new RebalanceResult(request.FactoryId, request.PartNumber, date, moves,
            Totals(results, r => r.Before, r => r.ExposureBefore), Totals(results, r => r.After, r => r.ExposureAfter), [.. results], [.. unsourced],
            CentralitySource, tariffs.Source);
    }

    public string CentralitySource => centrality.Source;

    /// <summary>Factory-wide: a move takes from a part at most what its source country supplies of it.</summary>
    private static ShareMove[] Capped(CountryShare[] shares, ShareMove[] moves)
    {
        var held = shares.ToDictionary(s => s.Country, s => s.SharePct, StringComparer.Ordinal);
        var capped = new List<ShareMove>();
        foreach (var m in moves)
        {
            double take = Math.Min(m.SharePct, held.GetValueOrDefault(m.FromCountry));
            if (take <= 1e-9) continue;
            held[m.FromCountry] -= take;
            held[m.ToCountry] = held.GetValueOrDefault(m.ToCountry) + take;
            capped.Add(m with { SharePct = take });
        }
        return [.. capped];
    }

    private static ScopeTotals Totals(List<PartResult> parts, Func<PartResult, PartPicture> side, Func<PartResult, Exposure> exposure)
    {
        // Weight by yearly value when values are known, else by quantity (quantities of different parts are not comparable,
        // so set unit values for a meaningful factory-wide figure).
        bool valued = parts.Any(p => p.UnitValueUsd > 0);
        double Weight(PartResult p) => valued ? p.AnnualQuantity * p.UnitValueUsd : p.AnnualQuantity;
        double total = parts.Sum(Weight);
        double W(Func<PartResult, double> f) => total > 0 ? parts.Sum(p => Weight(p) * f(p)) / total : 0;
        double hhi = W(p => side(p).Hhi);
        var countries = parts.SelectMany(p => side(p).Shares.Select(s => (s.Country, Value: Weight(p) * s.SharePct / 100)))
            .GroupBy(x => x.Country).Select(g => new CountryShare(g.Key, total > 0 ? Math.Round(100 * g.Sum(x => x.Value) / total, 2) : 0))
            .OrderByDescending(s => s.SharePct).ToArray();
        var byCategory = parts.GroupBy(p => side(p).Category?.ToString() ?? "unknown").ToDictionary(g => g.Key, g => g.Count());
        return new ScopeTotals(Math.Round(hhi, 1), Concentration.Reading(hhi), Math.Round(parts.Sum(p => side(p).DutyPerYearUsd), 2),
            Math.Round(parts.Sum(p => side(p).DutyPerYearMaxUsd), 2), Math.Round(W(p => side(p).SeaLeadDays), 1),
            Math.Round(parts.Sum(p => side(p).Zones.TopOfGreen), 1), byCategory, countries,
            new ScopeExposure(Math.Round(W(p => exposure(p).ExposedSharePct), 2), parts.SelectMany(p => exposure(p).Disruptions)
                .GroupBy(d => d.Id).Select(g => g.First() with { Countries = [.. g.SelectMany(d => d.Countries).Distinct().Order(StringComparer.Ordinal)] })
                .OrderBy(d => d.Id, StringComparer.Ordinal).ToArray()));
    }
}
