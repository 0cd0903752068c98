import { describe, expect, it } from "vitest";
import { HitGrid } from "../src/map/hitGrid";

describe("HitGrid", () => {
  const xs = new Float32Array([10, 100, 104, 500]);
  const ys = new Float32Array([10, 100, 100, 300]);

  it("finds the nearest included marker within the radius", () => {
    const grid = new HitGrid();
    grid.build(xs, ys, new Uint8Array([1, 1, 1, 1]), 4, 0, 0, 800, 600);
    expect(grid.nearest(xs, ys, 12, 9, 8)).toBe(0);
    expect(grid.nearest(xs, ys, 103, 100, 8)).toBe(2);
    expect(grid.nearest(xs, ys, 99, 101, 8)).toBe(1);
    expect(grid.nearest(xs, ys, 300, 300, 8)).toBe(-1);
  });

  it("skips markers that are not included (filtered or off-screen)", () => {
    const grid = new HitGrid();
    grid.build(xs, ys, new Uint8Array([1, 1, 0, 1]), 4, 0, 0, 800, 600);
    expect(grid.nearest(xs, ys, 104, 100, 3)).toBe(-1);
    expect(grid.nearest(xs, ys, 104, 100, 8)).toBe(1);
  });

  it("finds markers across cell borders", () => {
    const grid = new HitGrid();
    // 24 px cells: a marker just left of a border and a query just right of it.
    const bx = new Float32Array([47]);
    const by = new Float32Array([47]);
    grid.build(bx, by, new Uint8Array([1]), 1, 0, 0, 200, 200);
    expect(grid.nearest(bx, by, 50, 50, 8)).toBe(0);
  });
});
