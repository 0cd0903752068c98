import { describe, expect, it } from "vitest";
import { compareWorstFirst, countriesOf, countStatuses, siteKey, sortWorstFirst, toRows } from "../src/suppliers/siteRows";
import { site, supplier } from "./suppliersFixtures";

describe("site rows", () => {
  it("makes one row per site, keyed by supplier and site", () => {
    const rows = toRows([supplier("A", [site("1", "operating", 100), site("2", "halted", 0)]), supplier("B", [site("1", "reduced", 50)])]);
    expect(rows.map((r) => r.key)).toEqual(["A/1", "A/2", "B/1"]);
    expect(siteKey("A", "1")).toBe("A/1");
  });

  it("sorts halted, then reduced, then operating, lower capacity first within a state", () => {
    const rows = toRows([supplier("S", [
      site("op-full", "operating", 100),
      site("red-70", "reduced", 70),
      site("halt", "halted", 0),
      site("op-90", "operating", 90),
      site("red-20", "reduced", 20),
    ])]);
    expect(sortWorstFirst(rows).map((r) => r.site.id)).toEqual(["halt", "red-20", "red-70", "op-90", "op-full"]);
  });

  it("puts the latest post first between equal states and capacities, then orders by name", () => {
    const rows = toRows([
      supplier("B", [site("old", "reduced", 50, { updatedAt: "2026-01-01T00:00:00Z" })], { name: "Beta" }),
      supplier("A", [site("new", "reduced", 50, { updatedAt: "2026-01-02T00:00:00Z" })], { name: "Zulu" }),
      supplier("C", [site("never", "reduced", 50)], { name: "Alpha" }),
      supplier("D", [site("never2", "reduced", 50)], { name: "Able" }),
    ]);
    expect(sortWorstFirst(rows).map((r) => r.site.id)).toEqual(["new", "old", "never2", "never"]);
  });

  it("is a consistent order (antisymmetric) so re-sorting never shuffles rows", () => {
    const rows = toRows([supplier("A", [site("1", "reduced", 50)]), supplier("B", [site("1", "reduced", 50)], { name: "Supplier A" })]);
    expect(compareWorstFirst(rows[0]!, rows[1]!)).toBe(-compareWorstFirst(rows[1]!, rows[0]!));
    expect(compareWorstFirst(rows[0]!, rows[1]!)).not.toBe(0);
  });

  it("counts sites per status", () => {
    const rows = toRows([supplier("A", [site("1", "operating", 100), site("2", "halted", 0)]), supplier("B", [site("1", "halted", 0)])]);
    expect(countStatuses(rows)).toEqual({ operating: 1, reduced: 0, halted: 2, total: 3 });
    expect(countStatuses([])).toEqual({ operating: 0, reduced: 0, halted: 0, total: 0 });
  });

  it("lists the supplier and site countries once, sorted", () => {
    const rows = toRows([supplier("A", [site("1", "operating", 100, { country: "VN" })], { country: "JP" }), supplier("B", [site("1", "halted", 0)])]);
    expect(countriesOf(rows)).toEqual(["CN", "JP", "VN"]);
  });
});
