import { describe, expect, it } from "vitest";
import { SupplierBook } from "../src/suppliers/supplierBook";
import { site, supplier } from "./suppliersFixtures";

describe("SupplierBook (applying the live feed)", () => {
  it("replaces everything on a snapshot", () => {
    const book = new SupplierBook();
    book.replaceAll([supplier("A", [site("1", "operating", 100)]), supplier("B", [site("1", "operating", 100)])]);
    book.replaceAll([supplier("B", [site("1", "halted", 0)])]);
    expect([...book.all()].map((s) => s.id)).toEqual(["B"]);
    expect(book.get("B")!.sites[0]!.status).toBe("halted");
  });

  it("replaces a supplier by id and reports only the sites whose posted status changed", () => {
    const book = new SupplierBook();
    book.replaceAll([supplier("A", [site("1", "operating", 100), site("2", "operating", 100)], { version: 1 }), supplier("B", [site("1", "operating", 100)])]);
    const before = book.version;
    const result = book.applyDelta([supplier("A", [
      site("1", "operating", 100),
      site("2", "halted", 0, { note: "<script>alert(1)</script> flood", updatedAt: "2026-01-01T00:00:00Z" }),
    ], { version: 2 })]);
    expect(result).toEqual({ changedSites: ["A/2"], changedSuppliers: ["A"] });
    expect(book.get("A")!.sites[1]!.note).toBe("<script>alert(1)</script> flood");
    expect(book.get("B")!.sites[0]!.status).toBe("operating");
    expect(book.version).toBeGreaterThan(before);
  });

  it("adds suppliers it did not know, with all their sites as changed", () => {
    const book = new SupplierBook();
    const result = book.applyDelta([supplier("N", [site("1", "operating", 100), site("2", "reduced", 40)], { version: 1 })]);
    expect(result.changedSites).toEqual(["N/1", "N/2"]);
    expect(book.size).toBe(1);
  });

  it("ignores a view older than the one it holds", () => {
    const book = new SupplierBook();
    book.replaceAll([supplier("A", [site("1", "halted", 0)], { version: 5 })]);
    const before = book.version;
    const result = book.applyDelta([supplier("A", [site("1", "operating", 100)], { version: 4 })]);
    expect(result).toEqual({ changedSites: [], changedSuppliers: [] });
    expect(book.get("A")!.sites[0]!.status).toBe("halted");
    expect(book.version).toBe(before);
  });

  it("counts capacity, recovery and note changes as changes", () => {
    const book = new SupplierBook();
    book.replaceAll([supplier("A", [site("1", "reduced", 50)], { version: 1 })]);
    expect(book.applyDelta([supplier("A", [site("1", "reduced", 40)], { version: 2 })]).changedSites).toEqual(["A/1"]);
    expect(book.applyDelta([supplier("A", [site("1", "reduced", 40, { expectedRecovery: "2026-02-01T00:00:00Z" })], { version: 3 })]).changedSites).toEqual(["A/1"]);
    expect(book.applyDelta([supplier("A", [site("1", "reduced", 40, { expectedRecovery: "2026-02-01T00:00:00Z" })], { version: 4 })]).changedSites).toEqual([]);
  });
});
