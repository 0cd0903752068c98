import { describe, expect, it } from "vitest";
import type { WireMarker } from "../src/api/types";
import { unitX, unitY } from "../src/map/projection";
import { Category } from "../src/state/categories";
import { MarkerStore } from "../src/state/markerStore";

// [id, lat, lon, heading, mode, status, flags, delay]
const m = (id: string, lat: number, lon: number, flags = 0, status = 1): WireMarker => [id, lat, lon, 90, 0, status, flags, 0];

describe("MarkerStore", () => {
  it("takes a snapshot and indexes markers by id", () => {
    const store = new MarkerStore();
    store.applySnapshot([m("a", 10, 20), m("b", -5, 100, 2)], 0);
    expect(store.count).toBe(2);
    expect(store.ids[store.indexOf("b")]).toBe("b");
    expect(store.category[store.indexOf("b")]).toBe(Category.ColdChain);
    expect(store.categoryCounts[Category.OnTime]).toBe(1);
    expect(store.categoryCounts[Category.ColdChain]).toBe(1);
  });

  it("drops markers missing from a later snapshot", () => {
    const store = new MarkerStore();
    store.applySnapshot([m("a", 0, 0), m("b", 0, 1), m("c", 0, 2)], 0);
    store.applySnapshot([m("c", 0, 2)], 1000);
    expect(store.count).toBe(1);
    expect(store.indexOf("a")).toBe(-1);
    expect(store.ids[store.indexOf("c")]).toBe("c");
  });

  it("removes by swapping the last marker in, keeping the id index consistent", () => {
    const store = new MarkerStore();
    store.applySnapshot([m("a", 0, 0), m("b", 0, 1, 1), m("c", 0, 2, 4)], 0);
    store.applyDelta([], ["a"], 250);
    expect(store.count).toBe(2);
    for (const id of ["b", "c"]) expect(store.ids[store.indexOf(id)]).toBe(id);
    expect(store.flags[store.indexOf("c")]).toBe(4);
    expect(store.categoryCounts[Category.OnTime]).toBe(0);
    expect(store.categoryCounts[Category.Late]).toBe(1);
    expect(store.categoryCounts[Category.OffRoute]).toBe(1);
  });

  it("glides a moved marker from where it was drawn to its new position", () => {
    const store = new MarkerStore();
    store.applySnapshot([m("a", 0, 10)], 0);
    store.applyDelta([m("a", 0, 11)], [], 1000);
    const i = store.indexOf("a");
    expect(store.currentX(i, 1000)).toBeCloseTo(unitX(10), 9);
    expect(store.currentX(i, 1000 + store.glideMs / 2)).toBeCloseTo((unitX(10) + unitX(11)) / 2, 9);
    expect(store.currentX(i, 1000 + store.glideMs)).toBeCloseTo(unitX(11), 9);
    expect(store.isAnimating(1000 + store.glideMs / 2)).toBe(true);
    expect(store.isAnimating(1000 + store.glideMs + 1)).toBe(false);
  });

  it("glides the short way across the antimeridian", () => {
    const store = new MarkerStore();
    store.applySnapshot([m("a", 0, 179.8)], 0);
    store.applyDelta([m("a", 0, -179.8)], [], 1000);
    const i = store.indexOf("a");
    const mid = store.currentX(i, 1000 + store.glideMs / 2);
    // Halfway is on the antimeridian (unit x 1, or 0 on the next copy), not back across the globe.
    expect(Math.abs(mid - Math.round(mid))).toBeLessThan(0.001);
  });

  it("jumps instead of gliding when the new position is far away", () => {
    const store = new MarkerStore();
    store.applySnapshot([m("a", 0, 0)], 0);
    store.applyDelta([m("a", 40, 60)], [], 1000);
    const i = store.indexOf("a");
    expect(store.currentX(i, 1000)).toBeCloseTo(unitX(60), 9);
    expect(store.currentY(i, 1000)).toBeCloseTo(unitY(40), 9);
  });

  it("bumps the state version only when membership or flags change", () => {
    const store = new MarkerStore();
    store.applySnapshot([m("a", 0, 0)], 0);
    const v = store.stateVersion;
    store.applyDelta([m("a", 0, 0.1)], [], 250);
    expect(store.stateVersion).toBe(v);
    store.applyDelta([m("a", 0, 0.2, 1)], [], 500);
    expect(store.stateVersion).toBe(v + 1);
  });
});
