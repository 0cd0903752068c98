// Wire types of the sourcing API (src/Visibility.Host/Sourcing/*, Apis/TariffsApi.cs): per-factory sourcing views,
// the rebalancing what-if, saved scenarios and the Section 301 look-up. camelCase JSON, dates "YYYY-MM-DD".

export type Reading = "unconcentrated" | "moderate" | "high";

/** A country's share of a part's (or a scope's) volume, in percent. */
export interface CountryShare {
  country: string;
  sharePct: number;
}

/** One part of GET /api/factories/{id}/sourcing. */
export interface PartSourcingView {
  partNumber: string;
  hsCode: string;
  countryShares: CountryShare[];
  /** Supplier id → percent of the part's volume. */
  supplierShares: Record<string, number>;
  hhi: number;
  reading: Reading;
  supplierHhi: number | null;
  /** Global export HHI of the part's HS6 in the export-concentration table; null when the table lacks it. */
  exportHhi: number | null;
  /** Vulnerability category 1–4; null when the HS6 is not in the table. */
  category: number | null;
  categoryName: string | null;
  annualQuantity: number;
  unitValueUsd: number | null;
  dutyPerYearUsd: number;
  dutyPerYearMaxUsd: number;
  section301Lists: string[];
  seaLeadDays: number;
}

export interface FactorySourcing {
  factoryId: string;
  date: string;
  hhi: number;
  reading: Reading;
  dutyPerYearUsd: number;
  parts: PartSourcingView[];
  /** File name of the export-concentration table (the bundled one is a labelled SAMPLE). */
  centralitySource: string;
  tariffSource: string;
}

export interface ShareMove {
  fromCountry: string;
  toCountry: string;
  sharePct: number;
}

export interface RebalanceRequest {
  partNumber?: string;
  factoryId?: string;
  moves: ShareMove[];
  date?: string;
}

export interface BufferZones {
  red: number;
  yellow: number;
  green: number;
  topOfRed: number;
  topOfYellow: number;
  topOfGreen: number;
}

/** One side of a what-if for one part. */
export interface PartPicture {
  shares: CountryShare[];
  hhi: number;
  reading: Reading;
  exportHhi: number | null;
  category: number | null;
  categoryName: string | null;
  dutyPerYearUsd: number;
  dutyPerYearMaxUsd: number;
  seaLeadDays: number;
  dltDays: number;
  zones: BufferZones;
}

export interface PartResult {
  factoryId: string;
  partNumber: string;
  hsCode: string;
  annualQuantity: number;
  unitValueUsd: number;
  before: PartPicture;
  after: PartPicture;
}

/** A scope's figures: value-weighted HHI and sea lead days, summed duty and top of green, parts per category. */
export interface ScopeTotals {
  hhi: number;
  reading: Reading;
  dutyPerYearUsd: number;
  dutyPerYearMaxUsd: number;
  seaLeadDays: number;
  topOfGreenSum: number;
  /** "1".."4" or "unknown" → number of parts. */
  partsByCategory: Record<string, number>;
  countryShares: CountryShare[];
  /** Exposure to the disruptions open when the what-if ran (absent from results saved before it existed). */
  exposure?: ScopeExposure;
}

/** A disruption open now that touches the lane of at least one sourcing country. */
export interface LaneDisruption {
  id: string;
  type: string;
  title: string;
  countries: string[];
}

export interface ScopeExposure {
  /** Share of the scope's yearly value on lanes an open disruption touches. */
  exposedSharePct: number;
  disruptions: LaneDisruption[];
}

export interface RebalanceResult {
  factoryId: string | null;
  partNumber: string | null;
  date: string;
  moves: ShareMove[];
  before: ScopeTotals;
  after: ScopeTotals;
  /** Absent from the scenario list (GET /api/scenarios leaves the part rows out). */
  parts?: PartResult[];
  unsourced?: Array<{ factoryId: string; partNumber: string }>;
  centralitySource: string;
  tariffSource: string;
}

export interface SavedScenario {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
  request: RebalanceRequest;
  result: RebalanceResult;
}

/** GET /api/tariffs/section301/{hts}?origin=…[&annualQuantity=&unitValueUsd=]. */
export interface Section301Answer {
  hts: string;
  origin: string;
  date: string;
  lists: string[];
  additionalDutyPct: number;
  mixed: boolean;
  range: { minPct: number; maxPct: number } | null;
  lines: number;
  listsOfCode: string[];
  dutyPerYear: { valueUsd: number; minUsd: number; maxUsd: number } | null;
  source: string;
}

/** RFC 9457 problem details (one definition for the whole app, in types.ts). */
export type { ProblemDetails } from "./types";
