// The supplier's shipments as dots on the portal's small map: where the last reading put them, or, before any
// reading, at the port they leave from (at the destination once arrived). Coloured like the operator map's markers.
import type { Location, ShipmentView } from "../api/types";
import type { OverviewShipment } from "../suppliers/overviewMap";
import { formatDelay } from "../ui/format";

const COLOUR = { late: "#f2a93b", arrived: "#4c9bff", planned: "#d5dde8", moving: "#36c46f" };

/** A dot per shipment whose place is known; `places` holds the locations looked up by UN/LOCODE. */
export function shipmentDots(shipments: readonly ShipmentView[], places: ReadonlyMap<string, Location>): OverviewShipment[] {
  const dots: OverviewShipment[] = [];
  for (const s of shipments) {
    const done = s.status === "arrived" || s.status === "delivered";
    const at = s.position ?? places.get(done ? s.destination : s.origin) ?? null;
    if (!at) continue;
    const late = s.alerts.some((a) => a.kind === "late");
    dots.push({
      key: s.id,
      lon: at.lon,
      lat: at.lat,
      colour: late ? COLOUR.late : done ? COLOUR.arrived : s.status === "planned" ? COLOUR.planned : COLOUR.moving,
      tooltip: `${s.id} · ${s.origin} → ${s.destination} · ${s.status} · ${formatDelay(s.delayHours)}`,
    });
  }
  return dots;
}

/** The UN/LOCODEs to look up: shipments without a position need their origin (or destination, once there). */
export function placesNeeded(shipments: readonly ShipmentView[]): string[] {
  const codes = new Set<string>();
  for (const s of shipments) {
    if (s.position) continue;
    codes.add(s.status === "arrived" || s.status === "delivered" ? s.destination : s.origin);
  }
  return [...codes].sort();
}

/** Most pressing first: moving, then planned, then arrived and delivered; earlier ETA first within each. */
export function sortShipments(shipments: readonly ShipmentView[]): ShipmentView[] {
  const rank: Record<string, number> = { "in-transit": 0, planned: 1, arrived: 2, delivered: 3 };
  return [...shipments].sort((a, b) => (rank[a.status] ?? 0) - (rank[b.status] ?? 0) || Date.parse(a.eta) - Date.parse(b.eta) || a.id.localeCompare(b.id));
}
