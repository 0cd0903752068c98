// The figures of a what-if's before and after cards, from the host's result: the scope totals plus what only the part
// rows carry (DLT, zone sizes, a single part's category). Pure, unit-tested.
import type { BufferZones, CountryShare, PartPicture, RebalanceResult, Reading, ScopeTotals, ScopeExposure } from "../api/sourcingTypes";
import { diff, type Diff } from "./sourcingFormat";

export interface SideFigures {
  hhi: number;
  reading: Reading;
  /** The part's category when the scope is one part; else null (see categories). */
  category: { number: number | null; name: string | null } | null;
  /** Parts per category ("1".."4", "unknown"), for a scope of several parts. */
  categories: Record<string, number>;
  dutyPerYearUsd: number;
  dutyPerYearMaxUsd: number;
  seaLeadDays: number;
  /** The part's decoupled lead time, or the mean over the parts; null without part rows. */
  dltDays: number | null;
  /** Zone sizes summed over the parts in scope; null without part rows (a listed scenario). */
  zones: Pick<BufferZones, "red" | "yellow" | "green"> | null;
  topOfGreenSum: number;
  countryShares: CountryShare[];
  exposure: ScopeExposure | null;
}

export interface ResultFigures {
  before: SideFigures;
  after: SideFigures;
  partCount: number;
  diffs: { hhi: Diff; duty: Diff; seaLead: Diff; dlt: Diff | null; topOfGreen: Diff };
}

export function resultFigures(result: RebalanceResult): ResultFigures {
  const parts = result.parts ?? [];
  const before = side(result.before, parts.map((p) => p.before), parts.length);
  const after = side(result.after, parts.map((p) => p.after), parts.length);
  return {
    before,
    after,
    partCount: parts.length,
    diffs: {
      hhi: diff(before.hhi, after.hhi, true, 0.5),
      duty: diff(before.dutyPerYearUsd, after.dutyPerYearUsd, true, 0.005),
      seaLead: diff(before.seaLeadDays, after.seaLeadDays, true, 0.05),
      dlt: before.dltDays !== null && after.dltDays !== null ? diff(before.dltDays, after.dltDays, true, 0.05) : null,
      topOfGreen: diff(before.topOfGreenSum, after.topOfGreenSum, true, 0.5),
    },
  };
}

function side(totals: ScopeTotals, pictures: PartPicture[], count: number): SideFigures {
  const one = count === 1 ? pictures[0]! : null;
  return {
    hhi: totals.hhi,
    reading: totals.reading,
    category: one ? { number: one.category, name: one.categoryName } : null,
    categories: { ...totals.partsByCategory },
    dutyPerYearUsd: totals.dutyPerYearUsd,
    dutyPerYearMaxUsd: totals.dutyPerYearMaxUsd,
    seaLeadDays: totals.seaLeadDays,
    dltDays: pictures.length ? pictures.reduce((sum, p) => sum + p.dltDays, 0) / pictures.length : null,
    zones: pictures.length
      ? pictures.reduce((z, p) => ({ red: z.red + p.zones.red, yellow: z.yellow + p.zones.yellow, green: z.green + p.zones.green }), { red: 0, yellow: 0, green: 0 })
      : null,
    topOfGreenSum: totals.topOfGreenSum,
    countryShares: totals.countryShares,
    exposure: totals.exposure ?? null,
  };
}

/**
 * Widths of a zone bar as fractions of `scale` (the larger top of green of the two sides), so before and after are
 * drawn to one scale and a growing buffer shows as a longer bar.
 */
export function zoneWidths(zones: Pick<BufferZones, "red" | "yellow" | "green">, scale: number): [number, number, number] {
  if (!(scale > 0)) return [0, 0, 0];
  return [zones.red / scale, zones.yellow / scale, zones.green / scale];
}

/** "1: 2 · 3: 4 · unknown: 1" in category order. */
export function categoryCounts(categories: Record<string, number>): Array<{ key: string; count: number }> {
  const order = ["1", "2", "3", "4", "unknown"];
  return Object.entries(categories)
    .sort((a, b) => (order.indexOf(a[0]) === -1 ? 99 : order.indexOf(a[0])) - (order.indexOf(b[0]) === -1 ? 99 : order.indexOf(b[0])))
    .map(([key, count]) => ({ key, count }));
}
