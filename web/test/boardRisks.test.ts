import { describe, expect, it } from "vitest";
import type { BufferRow, PartRisk } from "../src/api/types";
import { barShare, dayScale, riskLines } from "../src/board/riskRows";

function row(factoryId: string, partNumber: string, risks: PartRisk[] | undefined): BufferRow {
  return { factoryId, factoryName: factoryId + " plant", partNumber, risks } as unknown as BufferRow;
}
const risk = (id: string, tts: number | null, ttr: number | null, impactUnits: number): PartRisk =>
  ({ disruptionId: id, type: "chokepoint-closure", title: id, ttsDays: tts, ttrDays: ttr, impactUnits, atRisk: impactUnits > 0 });

describe("riskLines", () => {
  const rows = [
    row("F1", "P-safe", [risk("D1", 40, 30, 0)]),
    row("F1", "P-none", []),
    row("F2", "P-old", undefined),
    // Worked example: ADU 50, TTS 10 d, TTR 30 d → 50 × (30 − 10) = 1,000 units; a second disruption adds 200.
    row("F2", "P-big", [risk("D2", 12, 16, 200), risk("D1", 10, 30, 1_000)]),
    row("F3", "P-small", [risk("D1", 25, 30, 250)]),
  ];

  it("lists parts with risks, most units at risk first, with the costliest disruption's TTS and TTR", () => {
    const lines = riskLines(rows, false);
    expect(lines.map((l) => l.key)).toEqual(["F2/P-big", "F3/P-small", "F1/P-safe"]);
    expect(lines[0]).toMatchObject({ ttsDays: 10, ttrDays: 30, impactUnits: 1_200, atRisk: true, title: "D1", disruptions: 2 });
    expect(lines[2]).toMatchObject({ impactUnits: 0, atRisk: false });
  });

  it("keeps only parts that run out first under 'at risk only'", () => {
    expect(riskLines(rows, true).map((l) => l.key)).toEqual(["F2/P-big", "F3/P-small"]);
  });
});

describe("bar scale", () => {
  it("spans the longest finite day count rounded up to a week, within 7…180", () => {
    const lines = riskLines([row("F", "P", [risk("D", 10, 30, 5)])], false);
    expect(dayScale(lines)).toBe(35);
    expect(dayScale([])).toBe(7);
    expect(dayScale(riskLines([row("F", "P", [risk("D", 400, null, 0)])], false))).toBe(180);
  });

  it("draws an open-ended value as a full bar and clamps the rest", () => {
    expect(barShare(null, 35)).toBe(1);
    expect(barShare(17.5, 35)).toBe(0.5);
    expect(barShare(70, 35)).toBe(1);
  });
});
