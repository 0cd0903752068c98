import { describe, expect, it } from "vitest";
import { sortErrors } from "../src/sourcing/moveErrors";
import { categoryCounts, resultFigures, zoneWidths } from "../src/sourcing/resultModel";
import { movesText, scopeText, suggestedName, togglePick } from "../src/sourcing/scenarioText";
import { partResult, picture, result, totals } from "./sourcingFixtures";

describe("what-if result figures", () => {
  it("pictures one part: its category, DLT and zones, with the differences and their tone", () => {
    const before = picture();
    const after = picture({ hhi: 5_000, dutyPerYearUsd: 500, dutyPerYearMaxUsd: 500, seaLeadDays: 27.2, dltDays: 41.9,
      zones: { red: 110, yellow: 420, green: 100, topOfRed: 110, topOfYellow: 530, topOfGreen: 630 } });
    const f = resultFigures(result([partResult("IC-1", before, after)],
      totals(), totals({ hhi: 5_000, dutyPerYearUsd: 500, dutyPerYearMaxUsd: 500, seaLeadDays: 27.2, topOfGreenSum: 630 })));
    expect(f.partCount).toBe(1);
    expect(f.before.category).toEqual({ number: 3, name: "low centrality, high concentration" });
    expect(f.after.dltDays).toBe(41.9);
    expect(f.after.zones).toEqual({ red: 110, yellow: 420, green: 100 });
    expect(f.diffs.hhi.tone).toBe("better");
    expect(f.diffs.duty).toEqual({ delta: -500, pct: -50, tone: "better" });
    expect(f.diffs.seaLead.tone).toBe("worse");
    expect(f.diffs.dlt!.delta).toBeCloseTo(1.9);
    expect(f.diffs.topOfGreen.tone).toBe("worse");
  });

  it("sums zones and averages DLT over several parts, and has no single category", () => {
    const a = picture({ dltDays: 40 });
    const b = picture({ dltDays: 14, zones: { red: 10, yellow: 20, green: 30, topOfRed: 10, topOfYellow: 30, topOfGreen: 60 } });
    const f = resultFigures(result([partResult("A", a, a), partResult("B", b, b)], totals({ partsByCategory: { "3": 1, "4": 1 } }), totals()));
    expect(f.before.category).toBeNull();
    expect(f.before.categories).toEqual({ "3": 1, "4": 1 });
    expect(f.before.dltDays).toBe(27);
    expect(f.before.zones).toEqual({ red: 110, yellow: 420, green: 130 });
    expect(f.diffs.hhi.tone).toBe("same");
  });

  it("works from totals alone for a listed scenario (no part rows)", () => {
    const r = result([], totals(), totals({ hhi: 5_000 }));
    delete r.parts;
    const f = resultFigures(r);
    expect(f.before.zones).toBeNull();
    expect(f.before.dltDays).toBeNull();
    expect(f.diffs.dlt).toBeNull();
    expect(f.diffs.hhi.tone).toBe("better");
  });

  it("draws both sides' zones to one scale", () => {
    expect(zoneWidths({ red: 100, yellow: 400, green: 100 }, 1_200)).toEqual([100 / 1_200, 400 / 1_200, 100 / 1_200]);
    expect(zoneWidths({ red: 1, yellow: 1, green: 1 }, 0)).toEqual([0, 0, 0]);
  });

  it("lists categories in order with the unknown last", () => {
    expect(categoryCounts({ unknown: 2, "4": 1, "1": 3 })).toEqual([{ key: "1", count: 3 }, { key: "4", count: 1 }, { key: "unknown", count: 2 }]);
  });
});

describe("host errors next to their moves", () => {
  it("puts each move's errors on the editor's move, counting the 0 % moves that were not sent", () => {
    const sorted = sortErrors({ status: 400, errors: {
      "moves[0].sharePct": ["CN supplies 20 % of the volume at this point; 40 % cannot move"],
      "moves[1].toCountry": ["unknown country 'QQ'"],
      partNumber: ["factory 'F-MTY' has no part 'NOPE'"],
    } }, [1, 3]);
    expect(sorted.byMove.get(1)).toEqual(["Share: CN supplies 20 % of the volume at this point; 40 % cannot move"]);
    expect(sorted.byMove.get(3)).toEqual(["To: unknown country 'QQ'"]);
    expect(sorted.general).toEqual(["Part: factory 'F-MTY' has no part 'NOPE'"]);
  });

  it("names the factory and part of a move refused in a part-across-factories what-if, and reads save errors", () => {
    const sorted = sortErrors({ errors: {
      "moves (F-GDL IC-MCU-32F4)[0].sharePct": ["CN supplies 30 % of the volume at this point; 50 % cannot move"],
      "request.moves[0].fromCountry": ["unknown country 'XX'"],
    } }, [0]);
    expect(sorted.byMove.get(0)).toEqual([
      "F-GDL IC-MCU-32F4: Share: CN supplies 30 % of the volume at this point; 50 % cannot move",
      "From: unknown country 'XX'",
    ]);
  });

  it("keeps errors about the moves as a whole, or beyond the moves sent, in the general list", () => {
    const sorted = sortErrors({ errors: { moves: ["at least one move is required"], "moves[5].sharePct": ["bad"], "$.extra": ["unknown"] } }, [0]);
    expect(sorted.byMove.size).toBe(0);
    expect(sorted.general).toEqual(["Moves: at least one move is required", "moves[5].sharePct: bad", "$.extra: unknown"]);
  });

  it("falls back to the problem's detail when there are no field errors", () => {
    expect(sortErrors({ status: 404, title: "Not found", detail: "no factory 'X'" }, []).general).toEqual(["no factory 'X'"]);
    expect(sortErrors({ status: 500 }, []).general).toEqual(["HTTP 500"]);
  });
});

describe("saved what-ifs", () => {
  it("describes scope and moves", () => {
    expect(scopeText({ partNumber: "P1", factoryId: "F-MTY" })).toBe("P1 in F-MTY");
    expect(scopeText({ partNumber: "P1" })).toBe("P1 in every factory");
    expect(scopeText({ factoryId: "F-MTY" })).toBe("all parts of F-MTY");
    expect(movesText([{ fromCountry: "CN", toCountry: "VN", sharePct: 50 }, { fromCountry: "CN", toCountry: "TH", sharePct: 12.5 }])).toBe("CN→VN 50 %, CN→TH 12.5 %");
    expect(movesText([])).toBe("no moves");
    expect(suggestedName({ partNumber: "P1", factoryId: "F-MTY", moves: [{ fromCountry: "CN", toCountry: "VN", sharePct: 50 }] })).toBe("P1 in F-MTY: CN→VN 50 %");
    const many = Array.from({ length: 20 }, () => ({ fromCountry: "CN", toCountry: "VN", sharePct: 12.5 }));
    expect(suggestedName({ factoryId: "F-MTY", moves: many }).length).toBe(120);
  });

  it("compares the last two picked; picking a picked one drops it", () => {
    expect(togglePick([], "a")).toEqual(["a"]);
    expect(togglePick(["a"], "b")).toEqual(["a", "b"]);
    expect(togglePick(["a", "b"], "c")).toEqual(["b", "c"]);
    expect(togglePick(["a", "b"], "a")).toEqual(["b"]);
  });
});
