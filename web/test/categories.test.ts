import { describe, expect, it } from "vitest";
import { Flag, MarkerStatus } from "../src/api/types";
import { Category, categoryOf, severityOf } from "../src/state/categories";

describe("categoryOf", () => {
  it("colours by status first", () => {
    expect(categoryOf(MarkerStatus.Arrived, Flag.ColdChain)).toBe(Category.Arrived);
    expect(categoryOf(MarkerStatus.Planned, Flag.Late)).toBe(Category.Planned);
  });

  it("lets the most consequential flag win for moving loads", () => {
    const t = MarkerStatus.InTransit;
    expect(categoryOf(t, 0)).toBe(Category.OnTime);
    expect(categoryOf(t, Flag.Late)).toBe(Category.Late);
    expect(categoryOf(t, Flag.Late | Flag.Silent)).toBe(Category.Silent);
    expect(categoryOf(t, Flag.Stalled | Flag.Silent)).toBe(Category.OffRoute);
    expect(categoryOf(t, Flag.OffRoute | Flag.Late)).toBe(Category.OffRoute);
    expect(categoryOf(t, Flag.ColdChain | Flag.OffRoute | Flag.Late)).toBe(Category.ColdChain);
  });
});

describe("severityOf", () => {
  it("is zero without flags", () => {
    expect(severityOf(0, 50)).toBe(0);
  });

  it("ranks one more severe flag above any combination of milder ones", () => {
    const milder = severityOf(Flag.OffRoute | Flag.Stalled | Flag.Late | Flag.Silent, 9_999);
    expect(severityOf(Flag.ColdChain, 0)).toBeGreaterThan(milder);
    expect(severityOf(Flag.Stalled, 0)).toBeGreaterThan(severityOf(Flag.Late | Flag.Silent, 500));
  });

  it("breaks ties between equal flags by delay", () => {
    expect(severityOf(Flag.Late, 30)).toBeGreaterThan(severityOf(Flag.Late, 3));
  });
});
