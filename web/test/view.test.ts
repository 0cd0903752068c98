import { describe, expect, it } from "vitest";
import { retryDelayMs } from "../src/live/connection";
import { MapView } from "../src/map/view";

describe("MapView", () => {
  it("keeps the world point under the cursor fixed while zooming", () => {
    const view = new MapView();
    view.resize(1600, 900, 1);
    const before = view.screenToUnit(400, 300);
    view.zoomAt(400, 300, 1.5);
    const after = view.screenToUnit(400, 300);
    expect(after[0] - Math.floor(after[0])).toBeCloseTo(before[0] - Math.floor(before[0]), 9);
    expect(after[1]).toBeCloseTo(before[1], 9);
  });

  it("wraps endlessly east without leaving [0, 1)", () => {
    const view = new MapView();
    view.resize(1600, 900, 1);
    for (let k = 0; k < 100; k++) view.panBy(-1000, 0);
    expect(view.centerX).toBeGreaterThanOrEqual(0);
    expect(view.centerX).toBeLessThan(1);
  });

  it("never shows space beyond the poles", () => {
    const view = new MapView();
    view.resize(1600, 900, 1);
    view.panBy(0, 100_000);
    expect(view.originY).toBeLessThanOrEqual(0);
    view.zoomAt(800, 450, -10);
    expect(view.worldPx).toBeGreaterThanOrEqual(900);
  });
});

describe("retryDelayMs", () => {
  it("backs off and caps at five seconds, forever", () => {
    expect(retryDelayMs(0)).toBe(500);
    expect(retryDelayMs(2)).toBe(2000);
    expect(retryDelayMs(10)).toBe(5000);
    expect(retryDelayMs(10_000)).toBe(5000);
  });
});
