// One row per supplier site: the unit the suppliers page lists, sorts, filters and counts.
// Pure functions so the ordering and the filters are unit-tested without a DOM.
import type { SiteStatus, Supplier, SupplierSite } from "../api/types";
import { emptyCounts, statusRank, type StatusCounts } from "./siteStatus";

export interface SiteRow {
  /** "supplierId/siteId": unique across suppliers (site ids are only unique within one). */
  key: string;
  supplier: Supplier;
  site: SupplierSite;
}

export function siteKey(supplierId: string, siteId: string): string {
  return `${supplierId}/${siteId}`;
}

export function toRows(suppliers: Iterable<Supplier>): SiteRow[] {
  const rows: SiteRow[] = [];
  for (const supplier of suppliers)
    for (const site of supplier.sites) rows.push({ key: siteKey(supplier.id, site.id), supplier, site });
  return rows;
}

/**
 * Worst first: halted, then reduced, then operating; within a state the lower capacity first,
 * then the most recently posted (fresh news on top), then by name so the order is stable.
 */
export function compareWorstFirst(a: SiteRow, b: SiteRow): number {
  return statusRank(a.site.status) - statusRank(b.site.status)
    || a.site.capacityPct - b.site.capacityPct
    || timeOf(b.site.updatedAt) - timeOf(a.site.updatedAt)
    || a.supplier.name.localeCompare(b.supplier.name)
    || a.site.name.localeCompare(b.site.name)
    || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function sortWorstFirst(rows: SiteRow[]): SiteRow[] {
  return rows.sort(compareWorstFirst);
}

function timeOf(iso: string | null): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

export function countStatuses(rows: Iterable<SiteRow>): StatusCounts {
  const counts = emptyCounts();
  for (const row of rows) {
    counts.total++;
    const s = row.site.status as SiteStatus;
    if (s in counts) counts[s]++;
  }
  return counts;
}

/** Countries present (a supplier's home country and each site's), sorted, for the filter. */
export function countriesOf(rows: Iterable<SiteRow>): string[] {
  const set = new Set<string>();
  for (const row of rows) {
    if (row.supplier.country) set.add(row.supplier.country);
    if (row.site.country) set.add(row.site.country);
  }
  return [...set].sort();
}
