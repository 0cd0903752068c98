// Sourcing views and what-if results as the host sends them, for the sourcing page's unit tests.
import type { CountryShare, PartPicture, PartResult, PartSourcingView, RebalanceResult, ScopeTotals } from "../src/api/sourcingTypes";

export function partView(partNumber: string, shares: CountryShare[], annualQuantity = 1_000, unitValueUsd: number | null = 1): PartSourcingView {
  return {
    partNumber, hsCode: "854231", countryShares: shares, supplierShares: {}, hhi: 0, reading: "high", supplierHhi: null, exportHhi: 2300,
    category: 3, categoryName: "low centrality, high concentration", annualQuantity, unitValueUsd, dutyPerYearUsd: 0, dutyPerYearMaxUsd: 0,
    section301Lists: [], seaLeadDays: 25,
  };
}

export function picture(overrides: Partial<PartPicture> = {}): PartPicture {
  return {
    shares: [{ country: "CN", sharePct: 100 }], hhi: 10_000, reading: "high", exportHhi: 2300, category: 3, categoryName: "low centrality, high concentration",
    dutyPerYearUsd: 1_000, dutyPerYearMaxUsd: 1_000, seaLeadDays: 25.3, dltDays: 40,
    zones: { red: 100, yellow: 400, green: 100, topOfRed: 100, topOfYellow: 500, topOfGreen: 600 },
    ...overrides,
  };
}

export function totals(overrides: Partial<ScopeTotals> = {}): ScopeTotals {
  return {
    hhi: 10_000, reading: "high", dutyPerYearUsd: 1_000, dutyPerYearMaxUsd: 1_000, seaLeadDays: 25.3, topOfGreenSum: 600,
    partsByCategory: { "3": 1 }, countryShares: [{ country: "CN", sharePct: 100 }], ...overrides,
  };
}

export function result(parts: PartResult[], before: ScopeTotals, after: ScopeTotals): RebalanceResult {
  return {
    factoryId: "F-MTY", partNumber: parts.length === 1 ? parts[0]!.partNumber : null, date: "2026-11-30", moves: [], before, after, parts,
    unsourced: [], centralitySource: "sample-export-concentration.csv", tariffSource: "section301.csv",
  };
}

export function partResult(partNumber: string, before: PartPicture, after: PartPicture): PartResult {
  return { factoryId: "F-MTY", partNumber, hsCode: "854231", annualQuantity: 1_000, unitValueUsd: 1, before, after };
}
