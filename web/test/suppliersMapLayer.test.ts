import { describe, expect, it } from "vitest";
import type { Factory } from "../src/api/types";
import { placeLabels } from "../src/map/labelPlacement";
import { NetworkLayer } from "../src/map/networkLayer";
import { site, supplier } from "./suppliersFixtures";

describe("label placement", () => {
  it("puts a label right of its point when there is room", () => {
    expect(placeLabels([{ x: 0, y: 0, width: 50 }, { x: 0, y: 100, width: 50 }], 8, 12, 5)).toEqual(["right", "right"]);
  });

  it("moves a colliding label to the left, and leaves it out when both sides are taken", () => {
    // Three points on one spot (zero-size symbols): right, then left, then no room.
    const spot = { x: 100, y: 100, width: 80 };
    expect(placeLabels([spot, spot, spot], 8, 12, 0)).toEqual(["right", "left", "none"]);
    // A label below that overlaps the first one only in part still has to move.
    expect(placeLabels([{ x: 100, y: 100, width: 80 }, { x: 60, y: 108, width: 80 }], 8, 12, 5)).toEqual(["right", "left"]);
  });

  it("keeps labels off other points' symbols", () => {
    // The second point sits where the first label would go.
    expect(placeLabels([{ x: 0, y: 0, width: 60 }, { x: 30, y: 0, width: 10 }], 8, 12, 5)[0]).toBe("left");
  });
});

describe("network layer hit testing", () => {
  const factory: Factory = { id: "F-MTY", name: "Monterrey EMS plant", locode: "MXMTY", lat: 25.67, lon: -100.31, country: "MX", demo: true, parts: [] };
  // A camera showing the whole world 1024 px wide with the antimeridian at x = 0.
  const view = { worldPx: 1024, originX: 0, originY: 0, zoom: 2 };
  const screenX = (lon: number) => ((lon + 180) / 360) * 1024;

  function layer(): NetworkLayer {
    const l = new NetworkLayer(() => {});
    l.setSuppliers([supplier("S", [site("1", "halted", 0, { lat: 0, lon: 0 }), site("2", "operating", 100, { lat: 0, lon: 10 })])]);
    l.setFactories([factory]);
    return l;
  }

  it("finds the site under the pointer, and nothing a little further away", () => {
    const l = layer();
    const y = 512; // the equator
    expect(l.hitTest(screenX(0) + 2, y, view)).toEqual({ kind: "site", key: "S/1" });
    expect(l.hitTest(screenX(10), y - 3, view)).toEqual({ kind: "site", key: "S/2" });
    expect(l.hitTest(screenX(5), y, view)).toBeNull();
  });

  it("finds factories, and the copy of a point in the next world to the right", () => {
    const l = layer();
    const hit = l.hitTest(screenX(0), 512, view);
    expect(hit?.key).toBe("S/1");
    expect(l.hitTest(screenX(0) + 1024, 512, view)).toEqual({ kind: "site", key: "S/1" });
    expect(l.factoryCount).toBe(1);
    expect(l.siteCount).toBe(2);
  });

  it("ignores hidden layers", () => {
    const l = layer();
    l.setVisible(false, true);
    expect(l.hitTest(screenX(0), 512, view)).toBeNull();
  });
});
