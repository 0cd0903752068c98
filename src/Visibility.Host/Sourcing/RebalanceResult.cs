using Visibility.Domain.Sourcing;

namespace Visibility.Host.Sourcing;

/// <summary>Before and after, side by side: totals over the parts in scope, and every part's own pictures.</summary>
public sealed record RebalanceResult(
    string? FactoryId, string? PartNumber, DateOnly Date, ShareMove[] Moves,
    ScopeTotals Before, ScopeTotals After, PartResult[] Parts, PartRef[] Unsourced, string CentralitySource, string TariffSource);

public sealed record PartResult(string FactoryId, string PartNumber, string HsCode, double AnnualQuantity, double UnitValueUsd, PartPicture Before, PartPicture After,
    Exposure ExposureBefore, Exposure ExposureAfter);

public sealed record PartRef(string FactoryId, string PartNumber);

/// <summary>
/// The scope's figures: HHI weighted by each part's yearly value (quantity when no values are set), Section 301 duty
/// per year, value-weighted sea lead days, the sum of the buffers' top of green, and parts per vulnerability category.
/// </summary>
public sealed record ScopeTotals(
    double Hhi, string Reading, double DutyPerYearUsd, double DutyPerYearMaxUsd, double SeaLeadDays, double TopOfGreenSum,
    IReadOnlyDictionary<string, int> PartsByCategory, CountryShare[] CountryShares, ScopeExposure Exposure);

/// <summary>
/// Exposure to the disruptions open now: the share of the scope's yearly value on lanes an open disruption touches
/// (a closed chokepoint on the route, a closed or congested gateway port, a hazard or security zone crossed), and which.
/// </summary>
public sealed record ScopeExposure(double ExposedSharePct, LaneDisruption[] Disruptions);
