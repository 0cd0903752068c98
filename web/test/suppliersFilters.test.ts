import { describe, expect, it } from "vitest";
import { applyFilters, matchesFilters, NO_FILTERS, parseFilters, writeFilters } from "../src/suppliers/filters";
import { toRows } from "../src/suppliers/siteRows";
import { site, supplier } from "./suppliersFixtures";

const rows = toRows([
  supplier("S-CN", [
    site("DG", "halted", 0, { name: "Dongguan plant", locode: "CNDGG", note: "Flood in the basement" }),
    site("WX", "reduced", 60, { name: "Wuxi plant", parts: [{ partNumber: "CON-USBC-24P", factoryIds: ["F-HCM"] }] }),
  ], { name: "Suzhou Circuit Boards" }),
  supplier("S-MY", [site("KU", "operating", 100, { name: "Kulim park", country: "MY" })], { country: "JP", name: "Tokyo Ceramic" }),
]);
const ids = (filters: Parameters<typeof applyFilters>[1]) => applyFilters(rows, filters).map((r) => r.site.id);

describe("supplier filters", () => {
  it("shows everything without filters", () => {
    expect(ids(NO_FILTERS)).toEqual(["DG", "WX", "KU"]);
  });

  it("filters by country of the supplier or of the site", () => {
    expect(ids({ ...NO_FILTERS, country: "MY" })).toEqual(["KU"]);
    expect(ids({ ...NO_FILTERS, country: "JP" })).toEqual(["KU"]);
    expect(ids({ ...NO_FILTERS, country: "CN" })).toEqual(["DG", "WX"]);
    expect(ids({ ...NO_FILTERS, country: "KR" })).toEqual([]);
  });

  it("filters by any of the chosen statuses", () => {
    expect(ids({ ...NO_FILTERS, statuses: ["halted"] })).toEqual(["DG"]);
    expect(ids({ ...NO_FILTERS, statuses: ["halted", "reduced"] })).toEqual(["DG", "WX"]);
  });

  it("searches names, codes, parts, factories and notes, ignoring case", () => {
    expect(ids({ ...NO_FILTERS, q: "wuxi" })).toEqual(["WX"]);
    expect(ids({ ...NO_FILTERS, q: "cndgg" })).toEqual(["DG"]);
    expect(ids({ ...NO_FILTERS, q: "usbc" })).toEqual(["WX"]);
    expect(ids({ ...NO_FILTERS, q: "f-hcm" })).toEqual(["WX"]);
    expect(ids({ ...NO_FILTERS, q: "FLOOD" })).toEqual(["DG"]);
    expect(ids({ ...NO_FILTERS, q: "tokyo" })).toEqual(["KU"]);
    expect(ids({ ...NO_FILTERS, q: "  " })).toEqual(["DG", "WX", "KU"]);
  });

  it("combines filters with AND", () => {
    expect(matchesFilters(rows[1]!, { country: "CN", statuses: ["reduced"], q: "wuxi" })).toBe(true);
    expect(matchesFilters(rows[1]!, { country: "CN", statuses: ["halted"], q: "wuxi" })).toBe(false);
  });
});

describe("filters in the URL", () => {
  it("parses country, statuses and text", () => {
    expect(parseFilters("?country=cn&status=reduced,halted&q=%20wuxi%20")).toEqual({ country: "CN", statuses: ["halted", "reduced"], q: "wuxi" });
  });

  it("drops what it does not understand instead of showing nothing", () => {
    expect(parseFilters("?country=China&status=broken,HALTED,,&q=")).toEqual({ country: null, statuses: ["halted"], q: "" });
    expect(parseFilters("")).toEqual(NO_FILTERS);
  });

  it("writes only what is set, and keeps other parameters", () => {
    const params = writeFilters({ country: "VN", statuses: ["reduced"], q: "bac ninh" }, new URLSearchParams("site=S-VN/BN-1&country=CN"));
    expect(params.get("site")).toBe("S-VN/BN-1");
    expect(params.get("country")).toBe("VN");
    expect(params.get("status")).toBe("reduced");
    expect(params.get("q")).toBe("bac ninh");
    expect(writeFilters(NO_FILTERS).toString()).toBe("");
    // All three statuses is the same as no status filter.
    expect(writeFilters({ ...NO_FILTERS, statuses: ["operating", "reduced", "halted"] }).toString()).toBe("");
  });

  it("round-trips", () => {
    const filters = { country: "TH", statuses: ["halted" as const, "operating" as const], q: "optics & lenses" };
    expect(parseFilters(writeFilters(filters).toString())).toEqual(filters);
  });
});
