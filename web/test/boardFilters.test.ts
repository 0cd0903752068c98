import { describe, expect, it } from "vitest";
import {
  boardFactories, boardSearch, matchesFilters, matchesQuery, NO_FILTERS, parseFilters, parseOpenBuffer, supplyCountries, zoneCounts,
} from "../src/board/boardFilters";
import { bufferRow } from "./boardFixtures";

describe("URL filters", () => {
  it("parses factory, zone, country and search", () => {
    expect(parseFilters("?factory=F-MTY&zone=red&country=cn&q=%208542%20")).toEqual({
      factory: "F-MTY", zone: "red", country: "CN", query: "8542",
    });
  });

  it("ignores values it cannot honour instead of failing the page", () => {
    expect(parseFilters("?zone=purple&country=China&factory=")).toEqual(NO_FILTERS);
    expect(parseFilters("")).toEqual(NO_FILTERS);
    expect(parseFilters("?zone=YELLOW").zone).toBe("yellow");
  });

  it("round-trips through the query string, open drill-down included", () => {
    const filters = { factory: "F-MTY", zone: "red" as const, country: "CN", query: "IC-&/ MCU" };
    const open = { factoryId: "F-MTY", partNumber: "IC/MCU 32" };
    const search = boardSearch(filters, open);
    expect(search).toBe("?factory=F-MTY&zone=red&country=CN&q=IC-%26%2F+MCU&open=F-MTY&part=IC%2FMCU+32");
    expect(parseFilters(search)).toEqual(filters);
    expect(parseOpenBuffer(search)).toEqual(open);
  });

  it("writes nothing for an unfiltered view and needs both halves of an open buffer", () => {
    expect(boardSearch(NO_FILTERS, null)).toBe("");
    expect(parseOpenBuffer("?open=F-MTY")).toBeNull();
  });
});

describe("matching rows", () => {
  const mty = bufferRow({ factoryId: "F-MTY", partNumber: "IC-MCU-32F4", hsCode: "8542.31", zone: "red", supplyCountries: ["CN", "MY"] });
  const hcm = bufferRow({ factoryId: "F-HCM", partNumber: "CON-USBC-24P", hsCode: "8536.69", zone: "yellow", supplyCountries: ["VN"] });
  const gdl = bufferRow({ factoryId: "F-GDL", partNumber: "CAP-MLCC", hsCode: "8532.24", zone: "green", supplyCountries: [] });
  const rows = [mty, hcm, gdl];

  it("filters by factory, zone and country of supply", () => {
    expect(rows.filter((r) => matchesFilters(r, { ...NO_FILTERS, factory: "F-HCM" }))).toEqual([hcm]);
    expect(rows.filter((r) => matchesFilters(r, { ...NO_FILTERS, zone: "green" }))).toEqual([gdl]);
    expect(rows.filter((r) => matchesFilters(r, { ...NO_FILTERS, country: "MY" }))).toEqual([mty]);
    expect(rows.filter((r) => matchesFilters(r, { ...NO_FILTERS, country: "VN", zone: "red" }))).toEqual([]);
  });

  it("searches part numbers and HS codes, with or without the dots", () => {
    expect(matchesQuery(mty, "mcu")).toBe(true);
    expect(matchesQuery(mty, "8542.3")).toBe(true);
    expect(matchesQuery(mty, "854231")).toBe(true);
    expect(matchesQuery(hcm, "854231")).toBe(false);
    expect(matchesQuery(hcm, "  ")).toBe(true);
  });

  it("counts zones over the other filters, so the zone buttons say what they would show", () => {
    const f = { ...NO_FILTERS, zone: "red" as const, country: "VN" };
    expect(zoneCounts(rows, f)).toEqual({ red: 0, yellow: 1, green: 0 });
    expect(zoneCounts(rows, NO_FILTERS)).toEqual({ red: 1, yellow: 1, green: 1 });
    expect(zoneCounts(rows, { ...NO_FILTERS, query: "C" })).toEqual({ red: 1, yellow: 1, green: 1 });
    expect(zoneCounts(rows, { ...NO_FILTERS, query: "CON" })).toEqual({ red: 0, yellow: 1, green: 0 });
  });

  it("offers the countries and factories on the board", () => {
    expect(supplyCountries(rows)).toEqual(["CN", "MY", "VN"]);
    expect(boardFactories([mty, bufferRow({ factoryId: "F-AUS", factoryName: "Austin systems plant" }), mty]))
      .toEqual([{ id: "F-AUS", name: "Austin systems plant" }, { id: "F-MTY", name: "Monterrey EMS plant" }]);
  });
});
