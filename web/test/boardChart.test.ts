import { describe, expect, it } from "vitest";
import type { ProjectionPoint } from "../src/api/types";
import { CHART, chartModel, LABEL_GAP, spreadLabels } from "../src/board/projectionChart";
import { daysBetween, formatDay } from "../src/board/boardDates";

/** 91 days from 2026-03-01, on hand 1,000 falling 100 a day, 1,500 arriving on day 5. */
function projection(): ProjectionPoint[] {
  const points: ProjectionPoint[] = [];
  for (let d = 0; d <= 90; d++) {
    const date = new Date(Date.UTC(2026, 2, 1 + d)).toISOString().slice(0, 10);
    points.push({ date, onHand: 1_000 - 100 * d + (d >= 5 ? 1_500 : 0) });
  }
  return points;
}

const tops = { topOfRed: 500, topOfYellow: 1_500, topOfGreen: 2_000 };
const plotW = CHART.width - CHART.left - CHART.right;
const xOfDay = (d: number) => Math.round((CHART.left + (d / 90) * plotW) * 10) / 10;

describe("projection chart", () => {
  const inbound = [
    { shipmentId: "S-LATE", quantity: 200, eta: "2026-02-20T10:00:00Z" },
    { shipmentId: "S-5", quantity: 1_500, eta: "2026-03-06T06:00:00Z" },
    { shipmentId: "S-FAR", quantity: 10, eta: "2026-09-01T00:00:00Z" },
  ];
  const model = chartModel(projection(), tops, "2026-03-26", inbound, "2026-03-01")!;

  it("marks the stock-out day and the arrivals on their ETA days (overdue ones today, none past the horizon)", () => {
    expect(model.stockout).toEqual({ x: xOfDay(25), date: "2026-03-26" });
    expect(model.arrivals.map((a) => [a.shipmentId, a.x])).toEqual([["S-LATE", xOfDay(0)], ["S-5", xOfDay(5)]]);
  });

  it("draws the line from day 0 to day 90, never below zero, and shades the days out of stock", () => {
    const coords = model.path.split(/[ML]/).filter(Boolean).map((p) => p.trim().split(" ").map(Number));
    expect(coords).toHaveLength(91);
    expect(coords[0]![0]).toBe(xOfDay(0));
    expect(Math.max(...coords.map((c) => c[1]!))).toBe(model.zeroY);
    expect(model.outages).toHaveLength(1);
    expect(model.outages[0]!.x1).toBeLessThan(xOfDay(25));
    expect(model.outages[0]!.x1).toBeGreaterThan(xOfDay(24));
    expect(model.outages[0]!.x2).toBe(CHART.left + plotW);
  });

  it("stacks the zone bands from zero up to top of green", () => {
    const [red, yellow, green] = model.bands;
    expect(red!.y + red!.height).toBeCloseTo(model.zeroY, 0);
    expect(yellow!.y + yellow!.height).toBeCloseTo(red!.y, 0);
    expect(green!.y + green!.height).toBeCloseTo(yellow!.y, 0);
    expect(yellow!.height).toBeCloseTo(red!.height * 2, 0);
  });

  it("has no stock-out mark when none is projected, and no chart without points", () => {
    expect(chartModel(projection(), tops, null, [], "2026-03-01")!.stockout).toBeNull();
    expect(chartModel([], tops, null, [], "2026-03-01")).toBeNull();
  });

  it("keeps zone labels apart when zones are thin", () => {
    const spread = spreadLabels([{ y: 100 }, { y: 104 }, { y: 150 }], LABEL_GAP, 12);
    expect(spread.map((l) => l.y)).toEqual([93, 104, 150]);
    const atTop = spreadLabels([{ y: 12 }, { y: 14 }], LABEL_GAP, 12);
    expect(atTop.map((l) => l.y)).toEqual([12, 23]);
  });
});

describe("board dates", () => {
  it("counts calendar days and prints short dates", () => {
    expect(daysBetween("2026-02-27", "2026-03-02")).toBe(3);
    expect(daysBetween("2026-03-02", null)).toBeNull();
    expect(formatDay("2026-03-04", "2026-03-01")).toBe("4 Mar");
    expect(formatDay("2027-01-04", "2026-12-01")).toBe("4 Jan 2027");
  });
});
