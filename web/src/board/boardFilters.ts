// The board's filters and their URL form (`/board?factory=F-MTY&zone=red&country=CN&q=8542`), so a filtered view
// can be bookmarked and shared. Pure: parsing, serialising and matching are unit-tested.
import type { BufferRow, BufferZone } from "../api/types";

export interface BoardFilters {
  /** Factory id, or null for all factories. */
  factory: string | null;
  zone: BufferZone | null;
  /** ISO 3166 alpha-2 code of a country that supplies the part, or null. */
  country: string | null;
  /** Free text matched against part number and HS code. */
  query: string;
}

/** The drill-down open in the page, kept in the URL beside the filters. */
export interface OpenBuffer {
  factoryId: string;
  partNumber: string;
}

export const NO_FILTERS: BoardFilters = { factory: null, zone: null, country: null, query: "" };

export const ZONES: readonly BufferZone[] = ["red", "yellow", "green"];

const MAX_QUERY = 100;

export function parseFilters(search: string): BoardFilters {
  const p = new URLSearchParams(search);
  const zone = p.get("zone")?.trim().toLowerCase() ?? "";
  const country = p.get("country")?.trim().toUpperCase() ?? "";
  return {
    factory: nonEmpty(p.get("factory")),
    zone: (ZONES as readonly string[]).includes(zone) ? (zone as BufferZone) : null,
    country: /^[A-Z]{2}$/.test(country) ? country : null,
    query: (p.get("q") ?? "").trim().slice(0, MAX_QUERY),
  };
}

export function parseOpenBuffer(search: string): OpenBuffer | null {
  const p = new URLSearchParams(search);
  const factoryId = nonEmpty(p.get("open"));
  const partNumber = nonEmpty(p.get("part"));
  return factoryId && partNumber ? { factoryId, partNumber } : null;
}

/** The query string for a view ("" when nothing is filtered or open), in a stable parameter order. */
export function boardSearch(filters: BoardFilters, open: OpenBuffer | null): string {
  const p = new URLSearchParams();
  if (filters.factory) p.set("factory", filters.factory);
  if (filters.zone) p.set("zone", filters.zone);
  if (filters.country) p.set("country", filters.country);
  if (filters.query.trim()) p.set("q", filters.query.trim());
  if (open) {
    p.set("open", open.factoryId);
    p.set("part", open.partNumber);
  }
  const text = p.toString();
  return text ? `?${text}` : "";
}

/** Whether a row passes the filters; `ignoreZone` gives the facet counts shown on the zone buttons. */
export function matchesFilters(row: BufferRow, f: BoardFilters, ignoreZone = false): boolean {
  if (f.factory && row.factoryId !== f.factory) return false;
  if (!ignoreZone && f.zone && row.zone !== f.zone) return false;
  if (f.country && !(row.supplyCountries ?? []).includes(f.country)) return false;
  return matchesQuery(row, f.query);
}

/**
 * Part number or HS code contains the text, ignoring case. HS codes are also matched without their dots, so
 * "854231" finds "8542.31" as customs paperwork often writes it.
 */
export function matchesQuery(row: Pick<BufferRow, "partNumber" | "hsCode">, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hs = (row.hsCode ?? "").toLowerCase();
  return row.partNumber.toLowerCase().includes(q) || hs.includes(q) || hs.replace(/\./g, "").includes(q.replace(/\./g, ""));
}

export type ZoneCounts = Record<BufferZone, number>;

/** Rows per zone among those passing every filter except the zone (so each zone button says what it would show). */
export function zoneCounts(rows: Iterable<BufferRow>, f: BoardFilters): ZoneCounts {
  const counts: ZoneCounts = { red: 0, yellow: 0, green: 0 };
  for (const row of rows) if (matchesFilters(row, f, true) && row.zone in counts) counts[row.zone]++;
  return counts;
}

/** Countries that supply any row, sorted, for the country filter. */
export function supplyCountries(rows: Iterable<BufferRow>): string[] {
  const set = new Set<string>();
  for (const row of rows) for (const c of row.supplyCountries ?? []) set.add(c);
  return [...set].sort();
}

/** Factories present on the board, by name, for the factory filter. */
export function boardFactories(rows: Iterable<BufferRow>): Array<{ id: string; name: string }> {
  const byId = new Map<string, string>();
  for (const row of rows) if (!byId.has(row.factoryId)) byId.set(row.factoryId, row.factoryName || row.factoryId);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

function nonEmpty(value: string | null): string | null {
  const v = value?.trim();
  return v ? v : null;
}
