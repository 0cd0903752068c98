// Words for disruptions: type labels, the one-line impact summary, the re-route note on a shipment.
import type { DisruptionView, ImpactSummary } from "../api/disruptionTypes";
import type { ShipmentDisruption } from "../api/types";

export const TYPE_LABEL: Record<string, string> = {
  "chokepoint-closure": "Chokepoint closure",
  "port-closure": "Port closure",
  "port-congestion": "Port congestion",
  "natural-hazard": "Natural hazard",
  "security-zone": "Security zone",
  "supplier-site-outage": "Site outage",
  "customs-hold": "Customs hold",
};

export function typeLabel(type: string): string {
  return TYPE_LABEL[type] ?? type;
}

/** "TTR 12.5 d", "TTR open" without an expected end, "resolved" once over. */
export function ttrText(d: Pick<DisruptionView, "status" | "ttrDays">): string {
  if (d.status !== "active") return "resolved";
  return d.ttrDays === null || d.ttrDays === undefined ? "TTR open" : `TTR ${formatDays(d.ttrDays)}`;
}

export function formatDays(days: number): string {
  return `${days >= 10 ? Math.round(days) : Math.round(days * 10) / 10} d`;
}

/** "3 re-routed · 2 delayed · 4 parts at risk · 1,200 units" — only the non-zero parts; "no impact yet" otherwise. */
export function impactText(i: ImpactSummary): string {
  const parts: string[] = [];
  if (i.rerouted) parts.push(`${i.rerouted} re-routed`);
  if (i.delayed) parts.push(`${i.delayed} delayed`);
  if (i.inZone) parts.push(`${i.inZone} in zone`);
  if (i.stranded) parts.push(`${i.stranded} stranded`);
  if (i.sites) parts.push(`${i.sites} site${i.sites === 1 ? "" : "s"}`);
  if (i.partsAtRisk) parts.push(`${i.partsAtRisk} part${i.partsAtRisk === 1 ? "" : "s"} at risk`);
  if (i.unitsAtRisk > 0) parts.push(`${Math.round(i.unitsAtRisk).toLocaleString("en-US")} units at risk`);
  if (parts.length === 0) return i.propagating ? "propagating…" : "no impact yet";
  return parts.join(" · ") + (i.propagating ? " · propagating…" : "");
}

/**
 * The re-route line of a shipment's detail panel: "+9.5 days, +6,420 km, re-routed around Suez Canal".
 * Null when the shipment is not re-routed.
 */
export function rerouteText(
  rerouted: boolean | undefined,
  distanceKm: number,
  plannedDistanceKm: number | null | undefined,
  disruptions: readonly ShipmentDisruption[] | undefined,
  around: string | null,
): string | null {
  if (!rerouted) return null;
  const addedDays = Math.max(0, ...(disruptions ?? []).map((d) => d.addedDays ?? 0));
  const parts: string[] = [];
  if (addedDays > 0) parts.push(`+${Math.round(addedDays * 10) / 10} days`);
  if (plannedDistanceKm !== null && plannedDistanceKm !== undefined && plannedDistanceKm > 0) {
    const added = Math.round(distanceKm - plannedDistanceKm);
    parts.push(`${added >= 0 ? "+" : "−"}${Math.abs(added).toLocaleString("en-US")} km`);
  }
  parts.push(around ? `re-routed around ${around}` : "re-routed");
  return parts.join(", ");
}
