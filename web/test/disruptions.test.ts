import { describe, expect, it } from "vitest";
import type { DisruptionView, ImpactSummary } from "../src/api/disruptionTypes";
import { buildDeclareRequest, placeKind, type DeclareValues } from "../src/disruptions/declareRequest";
import { DisruptionBook } from "../src/disruptions/disruptionBook";
import { impactText, rerouteText, ttrText } from "../src/disruptions/disruptionText";
import { circleGeoJson, kmToDegrees, zoneGeoJson } from "../src/disruptions/zoneShape";

const NO_IMPACT: ImpactSummary = {
  shipments: 0, rerouted: 0, delayed: 0, inZone: 0, stranded: 0, maxAddedDays: 0, maxAddedKm: 0, sites: 0, factories: 0,
  parts: 0, partsAtRisk: 0, unitsAtRisk: 0, propagating: false,
};

function view(id: string, over: Partial<DisruptionView> = {}): DisruptionView {
  return {
    id, type: "chokepoint-closure", severity: "high", title: id, status: "active", delayDays: 0,
    start: "2026-11-30T10:00:00Z", source: "manual", impact: NO_IMPACT, version: 1, ...over,
  };
}

describe("DisruptionBook", () => {
  it("keeps the highest version of each disruption", () => {
    const book = new DisruptionBook();
    book.replaceAll([view("A", { version: 5, title: "five" })]);
    expect(book.apply([view("A", { version: 4, title: "four" })])).toEqual([]);
    expect(book.get("A")!.title).toBe("five");
    expect(book.apply([view("A", { version: 6, title: "six" })])).toEqual(["A"]);
    expect(book.get("A")!.title).toBe("six");
  });

  it("sorts active first, then newest start, then id; active() drops the resolved", () => {
    const book = new DisruptionBook();
    book.replaceAll([
      view("old", { start: "2026-11-01T00:00:00Z" }),
      view("done", { status: "resolved", start: "2026-11-30T12:00:00Z" }),
      view("new-b", { start: "2026-11-29T00:00:00Z" }),
      view("new-a", { start: "2026-11-29T00:00:00Z" }),
    ]);
    expect(book.sorted().map((d) => d.id)).toEqual(["new-a", "new-b", "old", "done"]);
    expect(book.active().map((d) => d.id)).toEqual(["new-a", "new-b", "old"]);
  });
});

describe("disruption text", () => {
  it("summarises only the non-zero impact", () => {
    expect(impactText(NO_IMPACT)).toBe("no impact yet");
    expect(impactText({ ...NO_IMPACT, rerouted: 3, delayed: 1, partsAtRisk: 2, unitsAtRisk: 1234.4 }))
      .toBe("3 re-routed · 1 delayed · 2 parts at risk · 1,234 units at risk");
    expect(impactText({ ...NO_IMPACT, propagating: true })).toBe("propagating…");
  });

  it("says the time to recover, open or resolved", () => {
    expect(ttrText({ status: "active", ttrDays: 12.34 })).toBe("TTR 12 d");
    expect(ttrText({ status: "active", ttrDays: 2.34 })).toBe("TTR 2.3 d");
    expect(ttrText({ status: "active", ttrDays: null })).toBe("TTR open");
    expect(ttrText({ status: "resolved", ttrDays: 3 })).toBe("resolved");
  });

  it("writes the re-route line from the new and booked distances and the largest delay", () => {
    const disruptions = [{ id: "D", type: "chokepoint-closure", title: "Suez Canal closed", effect: "rerouted", addedDays: 9.46 }];
    expect(rerouteText(true, 26_020.4, 19_650, disruptions, "Suez Canal")).toBe("+9.5 days, +6,370 km, re-routed around Suez Canal");
    expect(rerouteText(true, 100, null, [], null)).toBe("re-routed");
    expect(rerouteText(false, 26_020, 19_650, disruptions, "Suez Canal")).toBeNull();
  });
});

describe("declare request", () => {
  const base: DeclareValues = {
    type: "chokepoint-closure", severity: "high", title: "", chokepoint: "suez", locode: " nl rtm ", delayDays: "3",
    lat: "12.5", lon: "45", radiusKm: "300", expectedEnd: "2026-12-14T12:00", note: "",
  };

  it("sends only the place fields of the type", () => {
    expect(buildDeclareRequest(base)).toEqual({
      request: { type: "chokepoint-closure", severity: "high", chokepoint: "suez", expectedEnd: "2026-12-14T12:00:00Z" }, errors: {},
    });
    expect(buildDeclareRequest({ ...base, type: "port-congestion" }).request)
      .toEqual({ type: "port-congestion", severity: "high", locode: "NLRTM", delayDays: 3, expectedEnd: "2026-12-14T12:00:00Z" });
    expect(buildDeclareRequest({ ...base, type: "port-closure" }).request).not.toHaveProperty("delayDays");
    expect(buildDeclareRequest({ ...base, type: "security-zone", expectedEnd: "" }).request)
      .toEqual({ type: "security-zone", severity: "high", center: { lat: 12.5, lon: 45 }, radiusKm: 300 });
    expect(placeKind("supplier-site-outage")).toBe("none");
  });

  it("reports numbers and dates it cannot read, leaving the rest to the host", () => {
    const built = buildDeclareRequest({ ...base, type: "natural-hazard", radiusKm: "far", expectedEnd: "2026-02-31T00:00" });
    expect(built.errors).toEqual({ radiusKm: ["must be a number"], expectedEnd: ["must be a date and time"] });
    // An empty centre is not an error here: the host says "give center and radiusKm".
    expect(buildDeclareRequest({ ...base, type: "natural-hazard", lat: "", lon: "" }).request).not.toHaveProperty("center");
  });
});

describe("zone shape", () => {
  it("turns a radius into a closed geodesic ring of that angular size", () => {
    expect(kmToDegrees(111.19508)).toBeCloseTo(1, 4);
    const circle = circleGeoJson(32.33, 30.58, 500);
    expect(circle.type).toBe("Polygon");
    const ring = (circle.coordinates as number[][][])[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    // Every vertex is 500 km (≈ 4.5°) from the centre along a great circle.
    for (const [lon, lat] of ring) {
      const r = Math.PI / 180;
      const d = Math.acos(Math.sin(30.58 * r) * Math.sin(lat! * r) + Math.cos(30.58 * r) * Math.cos(lat! * r) * Math.cos((lon! - 32.33) * r));
      expect(d / r).toBeCloseTo(kmToDegrees(500), 3);
    }
  });

  it("uses the host's polygons, and nothing for an empty zone", () => {
    const square = [[[0, 0], [1, 0], [1, 1], [0, 0]]];
    expect(zoneGeoJson({ polygons: [square] })).toEqual({ type: "MultiPolygon", coordinates: [square] });
    expect(zoneGeoJson({ polygons: [] })).toBeNull();
    expect(zoneGeoJson({ center: { lat: 1, lon: 2 }, radiusKm: 0 })).toBeNull();
    expect(zoneGeoJson(null)).toBeNull();
  });
});

describe("disruption flags in the exceptions order", () => {
  it("ranks a re-routed or delayed load above a late one, and a zone alert above lateness but below a stall", async () => {
    const { severityOf } = await import("../src/state/categories");
    const { Flag } = await import("../src/api/types");
    expect(severityOf(Flag.Disrupted, 0)).toBeGreaterThan(severityOf(Flag.Late | Flag.Silent | Flag.Hazard | Flag.Security, 9_999));
    expect(severityOf(Flag.Security, 0)).toBeGreaterThan(severityOf(Flag.Late, 9_999));
    expect(severityOf(Flag.Stalled, 0)).toBeGreaterThan(severityOf(Flag.Disrupted | Flag.Hazard, 9_999));
    expect(severityOf(Flag.Hazard, 0)).toBeGreaterThan(0);
  });
});
