// Figures of the sourcing pages: money, HHI, shares, days, and before→after differences with their tone. Pure.
import type { Reading } from "../api/sourcingTypes";

/** "$182,500"; cents only under $100 so small unit values stay readable ("$0.95", "$0.004"). */
export function formatUsd(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  const sign = n < 0 ? "−" : "";
  const a = Math.abs(n);
  if (a >= 100 || a === 0) return `${sign}$${Math.round(a).toLocaleString("en-US")}`;
  if (a >= 0.01) return `${sign}$${a.toFixed(2)}`;
  return `${sign}$${Number(a.toPrecision(2))}`;
}

/** "$1.2 M", "$48 k", "$950": for tight cells and chart labels. */
export function formatUsdShort(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  const sign = n < 0 ? "−" : "";
  const a = Math.abs(n);
  if (a >= 1e9) return `${sign}$${short(a / 1e9)} G`;
  if (a >= 1e6) return `${sign}$${short(a / 1e6)} M`;
  if (a >= 1e4) return `${sign}$${short(a / 1e3)} k`;
  return `${sign}$${Math.round(a).toLocaleString("en-US")}`;
}

function short(x: number): string {
  return x >= 100 ? String(Math.round(x)) : x.toFixed(1).replace(/\.0$/, "");
}

/** HHI on the 0–10,000 scale as a whole number: "10,000", "5,800". */
export function formatHhi(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return Math.round(n).toLocaleString("en-US");
}

export const READING_LABEL: Record<Reading, string> = { unconcentrated: "unconcentrated", moderate: "moderate", high: "high" };

/** A share in percent: "50 %", "12.5 %", "0.25 %". */
export function formatShare(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return "—";
  const r = Math.round(pct * 100) / 100;
  return `${Number.isInteger(r) ? r : Math.abs(r) >= 10 ? r.toFixed(1).replace(/\.0$/, "") : String(r)} %`;
}

/** Lead times: "29.4 d". */
export function formatLeadDays(days: number | null | undefined): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return "—";
  return `${days.toFixed(1)} d`;
}

export type Tone = "better" | "worse" | "same";

export interface Diff {
  delta: number;
  /** Change relative to before, in percent; null when before is 0. */
  pct: number | null;
  tone: Tone;
}

/**
 * After minus before, and whether that is good news. Differences within `epsilon` count as none (the host rounds
 * to cents, tenths of a day and tenths of an HHI point).
 */
export function diff(before: number, after: number, lowerIsBetter = true, epsilon = 0.05): Diff {
  const delta = after - before;
  if (Math.abs(delta) <= epsilon) return { delta: 0, pct: before === 0 ? null : 0, tone: "same" };
  const pct = before === 0 ? null : (100 * delta) / Math.abs(before);
  return { delta, pct, tone: (delta < 0) === lowerIsBetter ? "better" : "worse" };
}

/** "−$91,250 (−50 %)", "+2.1 d", "no change". */
export function formatDiff(d: Diff, unit: "usd" | "hhi" | "days" | "qty"): string {
  if (d.tone === "same") return "no change";
  const sign = d.delta > 0 ? "+" : "−";
  const a = Math.abs(d.delta);
  const value = unit === "usd" ? formatUsd(a) : unit === "hhi" ? formatHhi(a) : unit === "days" ? formatLeadDays(a) : formatQtyShort(a);
  const p = d.pct === null ? null : Math.abs(d.pct);
  const pct = p === null ? "" : ` (${p < 0.05 ? "" : d.pct! > 0 ? "+" : "−"}${formatPctChange(p)})`;
  return `${sign}${value}${pct}`;
}

function formatPctChange(p: number): string {
  if (p < 0.05) return "<0.1 %";
  return `${p >= 10 ? Math.round(p) : p.toFixed(1).replace(/\.0$/, "")} %`;
}

/** Quantities in tight places: "186.1 M", "12.5 k", "950". */
export function formatQtyShort(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  const a = Math.abs(n);
  const sign = n < 0 ? "−" : "";
  if (a >= 1e9) return `${sign}${short(a / 1e9)} G`;
  if (a >= 1e6) return `${sign}${short(a / 1e6)} M`;
  if (a >= 1e4) return `${sign}${short(a / 1e3)} k`;
  return `${sign}${Math.round(a).toLocaleString("en-US")}`;
}

/** A duty that differs across a mixed HS6's lines is shown as a range. */
export function formatDutyRange(min: number, max: number): string {
  return Math.abs(max - min) < 0.005 ? formatUsd(min) : `${formatUsd(min)}–${formatUsd(max)}`;
}
