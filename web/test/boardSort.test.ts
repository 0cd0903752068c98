import { describe, expect, it } from "vitest";
import { compareByPriority, rowKey, sortByPriority } from "../src/board/boardRows";
import { bufferRow } from "./boardFixtures";

describe("board order", () => {
  it("puts the lowest planning priority first", () => {
    const rows = [
      bufferRow({ partNumber: "B", planningPriorityPct: 80, zone: "green" }),
      bufferRow({ partNumber: "A", planningPriorityPct: 12.5 }),
      bufferRow({ partNumber: "C", planningPriorityPct: 45, zone: "yellow" }),
      bufferRow({ partNumber: "D", planningPriorityPct: -20 }),
    ];
    expect(sortByPriority(rows).map((r) => r.partNumber)).toEqual(["D", "A", "C", "B"]);
  });

  it("breaks ties by factory then part, in ordinal order like the host", () => {
    const rows = [
      bufferRow({ factoryId: "F-b", partNumber: "P1", planningPriorityPct: 30 }),
      bufferRow({ factoryId: "F-A", partNumber: "P2", planningPriorityPct: 30 }),
      bufferRow({ factoryId: "F-A", partNumber: "P1", planningPriorityPct: 30 }),
    ];
    expect(sortByPriority(rows).map(rowKey)).toEqual([rowKey({ factoryId: "F-A", partNumber: "P1" }),
      rowKey({ factoryId: "F-A", partNumber: "P2" }), rowKey({ factoryId: "F-b", partNumber: "P1" })]);
  });

  it("does not reorder its input", () => {
    const rows = [bufferRow({ planningPriorityPct: 50 }), bufferRow({ planningPriorityPct: 10 })];
    sortByPriority(rows);
    expect(rows[0]!.planningPriorityPct).toBe(50);
    expect(compareByPriority(rows[1]!, rows[0]!)).toBeLessThan(0);
  });

  it("keys rows by factory and part so ids containing separators cannot collide", () => {
    expect(rowKey({ factoryId: "A/B", partNumber: "C" })).not.toBe(rowKey({ factoryId: "A", partNumber: "B/C" }));
    expect(rowKey(bufferRow())).toBe(rowKey(bufferRow({ onHand: 9 })));
  });
});
