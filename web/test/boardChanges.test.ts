import { describe, expect, it } from "vitest";
import { rowKey } from "../src/board/boardRows";
import { BoardStore } from "../src/board/boardStore";
import { rowChange, shouldFlash, stockoutUrgency } from "../src/board/rowChanges";
import { bufferRow } from "./boardFixtures";

describe("row changes", () => {
  const before = bufferRow();

  it("flashes when the stock-out date moves, either way or to none", () => {
    expect(rowChange(before, { ...before, projectedStockout: "2026-03-09" })).toEqual({ zone: false, stockout: true, supply: false });
    expect(shouldFlash(rowChange(before, { ...before, projectedStockout: null }))).toBe(true);
    expect(shouldFlash(rowChange({ ...before, projectedStockout: null }, before))).toBe(true);
  });

  it("flashes when the zone changes", () => {
    expect(rowChange(before, { ...before, zone: "yellow" })).toEqual({ zone: true, stockout: false, supply: false });
  });

  it("flashes when a supplying site's status changes the row's supply status", () => {
    const operating = { ...before, supplyStatus: "operating" as const };
    expect(rowChange(operating, { ...operating, supplyStatus: "halted" })).toEqual({ zone: false, stockout: false, supply: true });
    expect(shouldFlash(rowChange(operating, { ...operating, supplyStatus: "operating", updatedAt: "2026-03-01T09:00:00Z" }))).toBe(false);
  });

  it("does not flash for figures that drift or for a row seen the first time", () => {
    expect(shouldFlash(rowChange(before, { ...before, onHand: 250, netFlow: 450, planningPriorityPct: 11.3, updatedAt: "2026-03-01T09:00:00Z" }))).toBe(false);
    expect(shouldFlash(rowChange(undefined, before))).toBe(false);
  });
});

describe("stock-out urgency", () => {
  // ADU 100: red 1,000 = 10 days, yellow 2,000 = 20 days of decoupled lead time.
  const row = bufferRow({ adu: 100, red: 1_000, yellow: 2_000 });
  const on = (date: string | null) => stockoutUrgency({ ...row, projectedStockout: date }, "2026-03-01");

  it("is red inside the red zone's days of usage", () => {
    expect(on("2026-03-01")).toBe("red");
    expect(on("2026-03-11")).toBe("red");
  });

  it("is a lead-time warning inside the decoupled lead time, then later", () => {
    expect(on("2026-03-12")).toBe("lead-time");
    expect(on("2026-03-21")).toBe("lead-time");
    expect(on("2026-03-22")).toBe("later");
  });

  it("is none without a stock-out", () => {
    expect(on(null)).toBe("none");
  });
});

describe("BoardStore", () => {
  const a = bufferRow({ factoryId: "F-A", planningPriorityPct: 10 });
  const b = bufferRow({ factoryId: "F-B", planningPriorityPct: 50, zone: "yellow" });

  it("reports every row of the first snapshot as changed, none as flashing", () => {
    const store = new BoardStore();
    store.applySnapshot([a, b], "2026-03-01T08:00:00Z");
    const c = store.takeChanges();
    expect(c.changed).toEqual(new Set([rowKey(a), rowKey(b)]));
    expect(c.flash.size).toBe(0);
    expect(c.reorder).toBe(true);
    expect(store.hasPending).toBe(false);
  });

  it("replaces rows by factory and part, flashing only on zone or stock-out moves", () => {
    const store = new BoardStore();
    store.applySnapshot([a, b], "2026-03-01T08:00:00Z");
    store.takeChanges();
    store.applyDelta([{ ...a, onHand: 250, updatedAt: "2026-03-01T08:01:00Z" }], "2026-03-01T08:01:00Z");
    let c = store.takeChanges();
    expect(c.changed).toEqual(new Set([rowKey(a)]));
    expect(c.flash.size).toBe(0);
    expect(c.reorder).toBe(false);
    expect(store.rows.get(rowKey(a))!.onHand).toBe(250);

    store.applyDelta([{ ...b, zone: "green", planningPriorityPct: 90, projectedStockout: null, updatedAt: "2026-03-01T08:02:00Z" }], "2026-03-01T08:02:00Z");
    c = store.takeChanges();
    expect(c.flash).toEqual(new Set([rowKey(b)]));
    expect(c.reorder).toBe(true);
  });

  it("ignores a repeated snapshot and drops rows a new snapshot no longer has", () => {
    const store = new BoardStore();
    store.applySnapshot([a, b], "2026-03-01T08:00:00Z");
    store.takeChanges();
    store.applySnapshot([a, b], "2026-03-01T08:05:00Z");
    expect(store.hasPending).toBe(false);
    store.applySnapshot([b], "2026-03-01T08:06:00Z");
    const c = store.takeChanges();
    expect(c.changed).toEqual(new Set([rowKey(a)]));
    expect(store.rows.has(rowKey(a))).toBe(false);
    expect(c.reorder).toBe(true);
  });

  it("takes today from the server's clock", () => {
    const store = new BoardStore();
    expect(store.today(Date.UTC(2026, 0, 2, 12))).toBe("2026-01-02");
    store.applySnapshot([], "2026-03-01T23:59:30Z");
    expect(store.today(Date.UTC(2026, 0, 2, 12))).toBe("2026-03-01");
  });
});
