// Number and label formatting for the board: quantities as whole units, days with one decimal under ten.
import type { SupplyStatus } from "../api/types";

export function formatQty(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return Math.round(n).toLocaleString("en-US");
}

/** Short form for chart labels: "672.8 M", "12.5 k", "950". */
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return "—";
  const a = Math.abs(n);
  if (a >= 1e9) return `${trim(n / 1e9)} G`;
  if (a >= 1e6) return `${trim(n / 1e6)} M`;
  if (a >= 1e4) return `${trim(n / 1e3)} k`;
  return Math.round(n).toLocaleString("en-US");
}

function trim(x: number): string {
  return Math.abs(x) >= 100 ? Math.round(x).toString() : x.toFixed(1).replace(/\.0$/, "");
}

/** Average daily usage: whole units from 100 up, one decimal below. */
export function formatAdu(n: number): string {
  if (!Number.isFinite(n)) return "—";
  return n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(1);
}

export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return "—";
  return days < 10 ? `${days.toFixed(1)} d` : `${Math.round(days)} d`;
}

export function formatPct(pct: number): string {
  return Number.isFinite(pct) ? `${Math.round(pct)} %` : "—";
}

/** "in 9 d", "today", "3 d ago". */
export function formatDaysAway(days: number | null): string {
  if (days === null) return "";
  if (days === 0) return "today";
  return days > 0 ? `in ${days} d` : `${-days} d ago`;
}

export const SUPPLY_LABEL: Record<SupplyStatus, string> = { operating: "Operating", reduced: "Reduced", halted: "Halted" };

export const ZONE_LABEL = { red: "Red", yellow: "Yellow", green: "Green" } as const;
