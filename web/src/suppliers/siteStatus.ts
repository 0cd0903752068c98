// The three states a supplier posts for a site, with the colours and order shared by the
// suppliers page and the operator map's supplier layer (same palette as the shipment markers:
// green fine, amber degraded, red stopped).
import type { SiteStatus } from "../api/types";

export const SITE_STATUSES: readonly SiteStatus[] = ["halted", "reduced", "operating"];

export const STATUS_INFO: Record<SiteStatus, { label: string; colour: string; rank: number }> = {
  halted: { label: "Halted", colour: "#ff4d5e", rank: 0 },
  reduced: { label: "Reduced", colour: "#f2a93b", rank: 1 },
  operating: { label: "Operating", colour: "#36c46f", rank: 2 },
};

/** Unknown strings (a newer server) are treated as the worst case rather than hidden. */
export function statusRank(status: string): number {
  return STATUS_INFO[status as SiteStatus]?.rank ?? -1;
}

export function isSiteStatus(value: string): value is SiteStatus {
  return Object.prototype.hasOwnProperty.call(STATUS_INFO, value);
}

export function statusColour(status: string): string {
  return STATUS_INFO[status as SiteStatus]?.colour ?? "#ff4d5e";
}

export function statusLabel(status: string): string {
  return STATUS_INFO[status as SiteStatus]?.label ?? status;
}

export interface StatusCounts {
  operating: number;
  reduced: number;
  halted: number;
  total: number;
}

export function emptyCounts(): StatusCounts {
  return { operating: 0, reduced: 0, halted: 0, total: 0 };
}
