import { describe, expect, it } from "vitest";
import { centralLongitude, fitBox, wrapLon } from "../src/suppliers/overviewGeometry";
import { formatSince, formatUntil } from "../src/suppliers/relativeTime";

const now = Date.parse("2026-03-10T12:00:00Z");
const ago = (ms: number) => new Date(now - ms).toISOString();

describe("last update as relative time", () => {
  it("says never for a site that has not posted", () => {
    expect(formatSince(null, now)).toBe("never");
    expect(formatSince("not a time", now)).toBe("never");
  });

  it("rounds down to one unit", () => {
    expect(formatSince(ago(10_000), now)).toBe("just now");
    expect(formatSince(ago(60_000), now)).toBe("1 min ago");
    expect(formatSince(ago(3 * 60_000 + 40_000), now)).toBe("3 min ago");
    expect(formatSince(ago(59 * 60_000), now)).toBe("59 min ago");
    expect(formatSince(ago(2 * 3_600_000 + 59 * 60_000), now)).toBe("2 h ago");
    expect(formatSince(ago(47 * 3_600_000), now)).toBe("47 h ago");
    expect(formatSince(ago(5 * 86_400_000), now)).toBe("5 d ago");
  });

  it("treats a post a little ahead of this clock as just now", () => {
    expect(formatSince(ago(-30_000), now)).toBe("just now");
  });

  it("tells how far an expected recovery is, or how overdue", () => {
    expect(formatUntil(ago(-3 * 86_400_000), now)).toBe("in 3 d");
    expect(formatUntil(ago(-5 * 3_600_000), now)).toBe("in 5 h");
    expect(formatUntil(ago(2 * 3_600_000), now)).toBe("overdue 2 h");
    expect(formatUntil(null, now)).toBe("");
  });
});

describe("overview map framing", () => {
  it("wraps longitudes into (-180, 180]", () => {
    expect(wrapLon(190)).toBe(-170);
    expect(wrapLon(-180)).toBe(180);
    expect(wrapLon(45)).toBe(45);
  });

  it("centres a network that spans the Pacific on the Pacific, not on Greenwich", () => {
    // Suppliers in East Asia, factories in Mexico and Texas.
    const centre = centralLongitude([113.7, 120.6, 139.7, 100.3, -100.3, -103.3, -97.7]);
    // The occupied arc runs 100.3°E → 97.7°W across the antimeridian; its middle is 178.7°W.
    expect(centre).toBeCloseTo(-178.7, 5);
    expect(Math.abs(wrapLon(centre - 180))).toBeLessThan(20);
  });

  it("centres points on one side of the world between them", () => {
    expect(centralLongitude([10, 30])).toBeCloseTo(20);
    expect(centralLongitude([170, -170])).toBeCloseTo(180);
    expect(centralLongitude([])).toBe(0);
  });

  it("fits a padded box of at least the minimum span", () => {
    const one = fitBox([{ lon: 100, lat: 10 }], 4, 30);
    expect(one.centreLon).toBeCloseTo(100);
    expect(one.east - one.west).toBeCloseTo(30);
    expect(one.north - one.south).toBeCloseTo(30);
    const wide = fitBox([{ lon: 100, lat: 5 }, { lon: -100, lat: 30 }], 4, 30);
    expect(wide.west).toBeCloseTo(-84);
    expect(wide.east).toBeCloseTo(84);
    expect(wide.south).toBeCloseTo(1);
    expect(wide.north).toBeCloseTo(34);
  });
});
