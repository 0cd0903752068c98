// How a marker's status + flags map to the one colour an operator sees, and how severe a
// flagged shipment is. One place, so the map, the legend and the exceptions list agree.
import { Flag, MarkerStatus } from "../api/types";

/** Display categories, in drawing order (later ones are drawn on top, so problems stay visible). */
export const Category = {
  Planned: 0,
  Arrived: 1,
  OnTime: 2,
  Late: 3,
  Silent: 4,
  OffRoute: 5, // off-route or stalled
  ColdChain: 6,
} as const;
export type Category = (typeof Category)[keyof typeof Category];
export const CATEGORY_COUNT = 7;

export interface CategoryInfo {
  label: string;
  colour: string;
}

export const CATEGORY_INFO: readonly CategoryInfo[] = [
  { label: "Planned", colour: "#d5dde8" },
  { label: "Arrived", colour: "#4c9bff" },
  { label: "On time", colour: "#36c46f" },
  { label: "Late", colour: "#f2a93b" },
  { label: "Silent", colour: "#8a94a3" },
  { label: "Off-route / stalled", colour: "#b57bff" },
  { label: "Cold-chain", colour: "#ff4d5e" },
];

/**
 * One colour per marker. Status decides first (planned and arrived loads are not moving, their
 * flags are history); for moving loads the most consequential flag wins: a cold-chain excursion
 * spoils cargo, a diversion or stop needs a call, silence means the position is stale, late
 * is the mildest.
 */
export function categoryOf(status: number, flags: number): Category {
  if (status === MarkerStatus.Arrived) return Category.Arrived;
  if (status === MarkerStatus.Planned) return Category.Planned;
  if (flags & Flag.ColdChain) return Category.ColdChain;
  if (flags & (Flag.OffRoute | Flag.Stalled)) return Category.OffRoute;
  if (flags & Flag.Silent) return Category.Silent;
  if (flags & Flag.Late) return Category.Late;
  return Category.OnTime;
}

/** Flags in severity order, most severe first, with their labels. */
export const FLAG_ORDER: ReadonlyArray<{ bit: number; kind: string; label: string }> = [
  { bit: Flag.ColdChain, kind: "cold-chain", label: "Cold-chain" },
  { bit: Flag.OffRoute, kind: "off-route", label: "Off-route" },
  { bit: Flag.Stalled, kind: "stalled", label: "Stalled" },
  // Re-routed or delayed by a disruption: the plan changed under the operator, who needs to see which loads.
  { bit: Flag.Disrupted, kind: "disrupted", label: "Disrupted" },
  // Inside a hazard or security zone: nothing has happened to the load yet, but it may.
  { bit: Flag.Hazard, kind: "hazard", label: "Hazard zone" },
  { bit: Flag.Security, kind: "security", label: "Security zone" },
  { bit: Flag.Late, kind: "late", label: "Late" },
  { bit: Flag.Silent, kind: "silent", label: "Silent" },
];

/**
 * Sort key for the exceptions list: the most severe flag dominates, then the next ones, and
 * the delay breaks ties. Larger is more severe; 0 means "not an exception".
 */
export function severityOf(flags: number, delayHours: number): number {
  let score = 0;
  for (let i = 0; i < FLAG_ORDER.length; i++) {
    if (flags & FLAG_ORDER[i]!.bit) {
      // Powers of two: one more severe flag outweighs all milder ones together.
      score += (1 << (FLAG_ORDER.length - 1 - i)) * 1_000_000;
    }
  }
  if (score === 0) return 0;
  return score + Math.min(Math.max(delayHours, 0), 9_999) * 10;
}
