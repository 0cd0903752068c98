// The suppliers page filters and their URL form (?country=CN&status=halted,reduced&q=wuxi), so a
// filtered view can be bookmarked or sent to a colleague. Parsing is forgiving: unknown statuses
// and malformed countries are dropped rather than producing an empty list.
import type { SiteStatus } from "../api/types";
import type { SiteRow } from "./siteRows";
import { isSiteStatus, SITE_STATUSES } from "./siteStatus";

export interface SupplierFilters {
  /** ISO alpha-2, upper case, or null for all countries. */
  country: string | null;
  /** Statuses to show; empty = all. */
  statuses: SiteStatus[];
  /** Free text, matched case-insensitively against names, codes, parts, factories and notes. */
  q: string;
}

export const NO_FILTERS: SupplierFilters = { country: null, statuses: [], q: "" };

const MAX_QUERY = 100;

export function parseFilters(search: string | URLSearchParams): SupplierFilters {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const country = (params.get("country") ?? "").trim().toUpperCase();
  const statuses = new Set<SiteStatus>();
  for (const part of (params.get("status") ?? "").split(",")) {
    const s = part.trim().toLowerCase();
    if (isSiteStatus(s)) statuses.add(s);
  }
  return {
    country: /^[A-Z]{2}$/.test(country) ? country : null,
    // Canonical order, so the same filter always serialises to the same URL.
    statuses: SITE_STATUSES.filter((s) => statuses.has(s)),
    q: (params.get("q") ?? "").trim().slice(0, MAX_QUERY),
  };
}

/**
 * Writes the filters into `params` (other keys, such as the open site, are kept), leaving out
 * what is at its default so a clean page has a clean URL.
 */
export function writeFilters(filters: SupplierFilters, params = new URLSearchParams()): URLSearchParams {
  params.delete("country");
  params.delete("status");
  params.delete("q");
  if (filters.country) params.set("country", filters.country);
  if (filters.statuses.length > 0 && filters.statuses.length < SITE_STATUSES.length)
    params.set("status", SITE_STATUSES.filter((s) => filters.statuses.includes(s)).join(","));
  if (filters.q.trim()) params.set("q", filters.q.trim());
  return params;
}

export function matchesFilters(row: SiteRow, filters: SupplierFilters): boolean {
  if (filters.country && row.supplier.country !== filters.country && row.site.country !== filters.country) return false;
  if (filters.statuses.length > 0 && !filters.statuses.includes(row.site.status)) return false;
  const q = filters.q.trim().toLowerCase();
  if (!q) return true;
  return searchText(row).includes(q);
}

export function applyFilters(rows: readonly SiteRow[], filters: SupplierFilters): SiteRow[] {
  return rows.filter((row) => matchesFilters(row, filters));
}

function searchText(row: SiteRow): string {
  const { supplier, site } = row;
  const parts = site.parts.map((p) => `${p.partNumber} ${p.factoryIds.join(" ")}`).join(" ");
  return [supplier.name, supplier.id, supplier.country, site.name, site.id, site.locode ?? "", site.country, parts, site.note ?? ""]
    .join("\n").toLowerCase();
}
