import { describe, expect, it } from "vitest";
import { zoneBarGeometry } from "../src/board/zoneBar";
import { bufferRow } from "./boardFixtures";

const close = (a: readonly number[], b: readonly number[]) => a.forEach((x, i) => expect(x).toBeCloseTo(b[i]!, 9));

describe("zone bar geometry", () => {
  it("sizes the segments by the zones from 0 to top of green", () => {
    const g = zoneBarGeometry(bufferRow({ topOfRed: 1_000, topOfYellow: 3_000, topOfGreen: 4_000, netFlow: 500, onHand: 300 }))!;
    close(g.widths, [0.25, 0.5, 0.25]);
    expect(g.netFlow).toEqual({ at: 0.125, clamped: null, ratio: 0.125 });
    expect(g.onHand.at).toBeCloseTo(0.075);
    expect(g.overflow).toBe(false);
  });

  it("fills each segment up to the net-flow position", () => {
    close(zoneBarGeometry(bufferRow({ netFlow: 500 }))!.filled, [0.5, 0, 0]);
    close(zoneBarGeometry(bufferRow({ netFlow: 2_000 }))!.filled, [1, 0.5, 0]);
    close(zoneBarGeometry(bufferRow({ netFlow: 3_500 }))!.filled, [1, 1, 0.5]);
  });

  it("clamps markers above top of green and flags the overflow", () => {
    const g = zoneBarGeometry(bufferRow({ netFlow: 10_000, onHand: 6_000 }))!;
    expect(g.netFlow).toEqual({ at: 1, clamped: "above", ratio: 2.5 });
    expect(g.onHand).toEqual({ at: 1, clamped: "above", ratio: 1.5 });
    close(g.filled, [1, 1, 1]);
    expect(g.overflow).toBe(true);
  });

  it("clamps a negative net flow at zero without calling it overflow", () => {
    const g = zoneBarGeometry(bufferRow({ netFlow: -800, onHand: 0 }))!;
    expect(g.netFlow).toEqual({ at: 0, clamped: "below", ratio: -0.2 });
    expect(g.onHand.clamped).toBeNull();
    close(g.filled, [0, 0, 0]);
    expect(g.overflow).toBe(false);
  });

  it("an exactly full buffer sits at the end without overflow", () => {
    const g = zoneBarGeometry(bufferRow({ netFlow: 4_000, onHand: 4_000 }))!;
    expect(g.netFlow.at).toBe(1);
    expect(g.overflow).toBe(false);
  });

  it("has nothing to draw for a buffer without size", () => {
    expect(zoneBarGeometry(bufferRow({ topOfRed: 0, topOfYellow: 0, topOfGreen: 0 }))).toBeNull();
  });

  it("keeps segments non-negative and summing to one with inconsistent tops", () => {
    const g = zoneBarGeometry(bufferRow({ topOfRed: 5_000, topOfYellow: 3_000, topOfGreen: 4_000 }))!;
    close(g.widths, [1, 0, 0]);
  });
});
