using Visibility.Domain.Inventory;
using Visibility.Domain.Tariffs;
using Visibility.Domain.Validation;

namespace Visibility.Domain.Sourcing;

/// <summary>A country's share of a part's volume, in percent.</summary>
[GenerateSerializer, Immutable]
public sealed record CountryShare([property: Id(0)] string Country, [property: Id(1)] double SharePct);

/// <summary>Move <paramref name="SharePct"/> percentage points of a part's volume from one country to another.</summary>
public sealed record ShareMove(string FromCountry, string ToCountry, double SharePct);

/// <summary>What a part's sourcing needs for a picture: shares, volume, value, tariff line, buffer parameters.</summary>
[GenerateSerializer, Immutable]
public sealed record PartSourcing(
    [property: Id(0)] string FactoryId, [property: Id(1)] string FactoryCountry, [property: Id(2)] string PartNumber,
    [property: Id(3)] string HsCode, [property: Id(4)] CountryShare[] Shares, [property: Id(5)] double AnnualQuantity,
    [property: Id(6)] double UnitValueUsd, [property: Id(7)] BufferParameters Parameters, [property: Id(8)] double Adu,
    [property: Id(9)] IReadOnlyDictionary<string, double>? SupplierShares = null,
    [property: Id(10)] string? Hts8 = null)
{
    /// <summary>The code the tariff is looked up by: the HTS8 line when known, else the HS6 heading.</summary>
    public string TariffCode => Hts8 ?? HsCode;
}

/// <summary>One side of a what-if for one part: concentration, category, duty, lead time and buffer zones.</summary>
public sealed record PartPicture(
    CountryShare[] Shares, double Hhi, string Reading, double? ExportHhi, int? Category, string? CategoryName,
    double DutyPerYearUsd, double DutyPerYearMaxUsd, double SeaLeadDays, double DltDays, BufferZones Zones);

/// <summary>
/// The rebalancing what-if as plain arithmetic: apply share moves, then picture the part before and after. The sea
/// lead time is the share-weighted sea days from each country's gateway port to the factory's; the buffer's DLT moves by
/// the change in that lead time and the zones are sized again with it. Duty is Section 301 on the Chinese share only.
/// </summary>
public static class Rebalance
{
    /// <summary>Applies the moves in order; null with field errors when a move is impossible.</summary>
    public static CountryShare[]? Apply(IReadOnlyList<CountryShare> shares, IReadOnlyList<ShareMove> moves, ValidationErrors errors, string prefix = "moves")
    {
        var held = shares.ToDictionary(s => s.Country, s => s.SharePct, StringComparer.Ordinal);
        for (int i = 0; i < moves.Count; i++)
        {
            var m = moves[i];
            string at = $"{prefix}[{i}]";
            if (!GatewayPorts.IsKnown(m.FromCountry)) { errors.Add($"{at}.fromCountry", $"unknown country '{m.FromCountry}'"); continue; }
            if (!GatewayPorts.IsKnown(m.ToCountry)) { errors.Add($"{at}.toCountry", $"unknown country '{m.ToCountry}'"); continue; }
            if (m.FromCountry == m.ToCountry) { errors.Add($"{at}.toCountry", "must differ from fromCountry"); continue; }
            if (!double.IsFinite(m.SharePct) || m.SharePct <= 0 || m.SharePct > 100) { errors.Add($"{at}.sharePct", "must be above 0 and at most 100"); continue; }
            double from = held.GetValueOrDefault(m.FromCountry);
            if (m.SharePct > from + 1e-9)
            {
                errors.Add($"{at}.sharePct", $"{m.FromCountry} supplies {from:0.##} % of the volume at this point; {m.SharePct:0.##} % cannot move");
                continue;
            }
            held[m.FromCountry] = from - m.SharePct;
            held[m.ToCountry] = held.GetValueOrDefault(m.ToCountry) + m.SharePct;
        }
        if (!errors.IsEmpty) return null;
        return held.Where(kv => kv.Value > 1e-9).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new CountryShare(kv.Key, Math.Round(kv.Value, 6))).ToArray();
    }

    /// <param name="seaKm">Sea route length from a country's gateway port to the factory's; null when no route exists.</param>
    public static PartPicture Picture(PartSourcing part, IReadOnlyList<CountryShare> shares, Func<string, double?> seaKm,
        Section301Table tariffs, ExportConcentrationTable? centrality, DateOnly date, double baselineSeaLeadDays)
    {
        double hhi = Concentration.Hhi(shares.Select(s => s.SharePct));
        var c = centrality?.Centrality(part.HsCode);
        var category = c is { } cc ? Vulnerability.Classify(cc.High, Vulnerability.IsConcentrated(hhi)) : null;

        var duty = tariffs.Lookup(part.TariffCode, "CN", date);
        double cnShare = shares.Where(s => s.Country == "CN").Sum(s => s.SharePct) / 100;
        double cnValue = part.AnnualQuantity * part.UnitValueUsd * cnShare;

        double lead = SeaLeadDays(part.FactoryCountry, shares, seaKm);
        double dlt = Math.Max(1, part.Parameters.DltDays + (lead - baselineSeaLeadDays));
        var zones = BufferZones.Compute(part.Adu, part.Parameters with { DltDays = dlt });
        return new PartPicture([.. shares], Math.Round(hhi, 1), Concentration.Reading(hhi), c?.Hhi, category?.Number, category?.Name,
            Math.Round(cnValue * duty.MinDutyPct / 100, 2), Math.Round(cnValue * duty.MaxDutyPct / 100, 2), Math.Round(lead, 1), Math.Round(dlt, 1), zones);
    }

    /// <summary>Share-weighted sea lead days to the factory; a country the factory is in counts as domestic trucking.</summary>
    public static double SeaLeadDays(string factoryCountry, IReadOnlyList<CountryShare> shares, Func<string, double?> seaKm)
    {
        double total = shares.Sum(s => s.SharePct);
        if (total <= 0) return 0;
        double days = 0;
        foreach (var s in shares)
        {
            double d = s.Country == factoryCountry ? LeadTimes.DomesticDays
                : seaKm(s.Country) is { } km ? LeadTimes.SeaDays(km)
                : LeadTimes.SeaDays(0) + 30; // no sea route (landlocked pair): a month of overland, a visible penalty
            days += d * s.SharePct / total;
        }
        return days;
    }
}
