import { describe, expect, it } from "vitest";
import { placesNeeded, shipmentDots, sortShipments } from "../src/portal/shipmentDots";
import type { Location, ShipmentView } from "../src/api/types";

function ship(id: string, over: Partial<ShipmentView> = {}): ShipmentView {
  return {
    id, reference: `PO-${id}`, mode: "ocean", origin: "KRPUS", destination: "USSEA", originName: "Busan", destinationName: "Seattle",
    status: "in-transit", position: { lat: 40, lon: 170, at: "2026-11-30T09:00:00Z" }, headingDeg: 80, speedKnots: 17, progressPct: 40,
    distanceKm: 9000, distanceRemainingKm: 5000, plannedDeparture: "2026-11-20T00:00:00Z", plannedEta: "2026-12-05T00:00:00Z",
    eta: "2026-12-05T00:00:00Z", delayHours: 0, lastTelemetry: null, alerts: [], cargo: [], reefer: null, passes: [],
    temperatureHistory: [], readings: 10, milestones: [], supplierId: "S-KR-BAT", ...over,
  };
}

const busan: Location = { locode: "KRPUS", name: "Busan", country: "KR", lat: 35.1, lon: 129.04, kinds: ["port"] };
const seattle: Location = { locode: "USSEA", name: "Seattle", country: "US", lat: 47.6, lon: -122.33, kinds: ["port"] };

describe("the portal's shipments", () => {
  it("puts moving shipments first, then planned, then arrived and delivered, earlier ETA first", () => {
    const sorted = sortShipments([
      ship("D", { status: "delivered" }), ship("P", { status: "planned" }), ship("T2", { eta: "2026-12-09T00:00:00Z" }),
      ship("A", { status: "arrived" }), ship("T1", { eta: "2026-12-01T00:00:00Z" }),
    ]);
    expect(sorted.map((s) => s.id)).toEqual(["T1", "T2", "P", "A", "D"]);
  });

  it("draws a shipment where it was last seen, else at its origin (destination once arrived)", () => {
    const shipments = [
      ship("MOVING"),
      ship("PLANNED", { status: "planned", position: null }),
      ship("ARRIVED", { status: "arrived", position: null }),
      ship("LATE", { alerts: [{ kind: "late", openedAt: "2026-11-29T00:00:00Z", message: "late" }], delayHours: 30 }),
      ship("NOWHERE", { status: "planned", position: null, origin: "XXXXX" }),
    ];
    expect(placesNeeded(shipments)).toEqual(["KRPUS", "USSEA", "XXXXX"]);
    const dots = shipmentDots(shipments, new Map([["KRPUS", busan], ["USSEA", seattle]]));
    expect(dots.map((d) => [d.key, d.lon, d.lat])).toEqual([
      ["MOVING", 170, 40], ["PLANNED", 129.04, 35.1], ["ARRIVED", -122.33, 47.6], ["LATE", 170, 40],
    ]);
    expect(new Set(dots.map((d) => d.colour)).size).toBe(4); // moving, planned, arrived and late look different
    expect(dots[3]!.tooltip).toContain("+30.0 h late");
  });
});
