import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Debounce } from "../src/sourcing/debounce";
import {
  diff, formatDiff, formatDutyRange, formatHhi, formatLeadDays, formatQtyShort, formatShare, formatUsd, formatUsdShort,
} from "../src/sourcing/sourcingFormat";

describe("sourcing figures", () => {
  it("formats money with cents only for small amounts", () => {
    expect(formatUsd(182_500)).toBe("$182,500");
    expect(formatUsd(7_760_812.5)).toBe("$7,760,813");
    expect(formatUsd(0.95)).toBe("$0.95");
    expect(formatUsd(0.004)).toBe("$0.004");
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(-91_250)).toBe("−$91,250");
    expect(formatUsd(null)).toBe("—");
    expect(formatUsdShort(16_129_578)).toBe("$16.1 M");
    expect(formatUsdShort(48_200)).toBe("$48.2 k");
    expect(formatUsdShort(950)).toBe("$950");
    expect(formatDutyRange(100, 100)).toBe("$100");
    expect(formatDutyRange(750, 1_500)).toBe("$750–$1,500");
  });

  it("formats HHI, shares, days and quantities", () => {
    expect(formatHhi(10_000)).toBe("10,000");
    expect(formatHhi(5_800.4)).toBe("5,800");
    expect(formatShare(50)).toBe("50 %");
    expect(formatShare(12.5)).toBe("12.5 %");
    expect(formatShare(33.3333)).toBe("33.3 %");
    expect(formatShare(0.25)).toBe("0.25 %");
    expect(formatLeadDays(25.25)).toBe("25.3 d");
    expect(formatQtyShort(186_124_440)).toBe("186 M");
    expect(formatQtyShort(2_786_400)).toBe("2.8 M");
    expect(formatQtyShort(9_999)).toBe("9,999");
  });
});

describe("before → after differences", () => {
  it("is good news when a lower-is-better figure falls", () => {
    const d = diff(10_000, 5_000);
    expect(d).toEqual({ delta: -5_000, pct: -50, tone: "better" });
    expect(formatDiff(d, "hhi")).toBe("−5,000 (−50 %)");
    expect(formatDiff(diff(182_500, 91_250), "usd")).toBe("−$91,250 (−50 %)");
  });

  it("is bad news when it rises, and says by how much", () => {
    const d = diff(25.3, 27.2);
    expect(d.tone).toBe("worse");
    expect(formatDiff(d, "days")).toBe("+1.9 d (+7.5 %)");
    expect(diff(10, 12, false).tone).toBe("better");
  });

  it("calls rounding noise no change and has no percentage from zero", () => {
    expect(diff(25.3, 25.32).tone).toBe("same");
    expect(formatDiff(diff(25.3, 25.32), "days")).toBe("no change");
    const fromZero = diff(0, 1_000);
    expect(fromZero.pct).toBeNull();
    expect(formatDiff(fromZero, "usd")).toBe("+$1,000");
    expect(formatDiff(diff(689_000_000, 689_242_489, true, 0.5), "qty")).toBe("+242 k (<0.1 %)");
  });
});

describe("debounce", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once, after the calls have rested for the wait", () => {
    const job = vi.fn();
    const d = new Debounce(job, 250);
    d.schedule();
    vi.advanceTimersByTime(200);
    d.schedule();
    vi.advanceTimersByTime(200);
    expect(job).not.toHaveBeenCalled();
    expect(d.pending).toBe(true);
    vi.advanceTimersByTime(50);
    expect(job).toHaveBeenCalledTimes(1);
    expect(d.pending).toBe(false);
  });

  it("can run a pending job at once or drop it", () => {
    const job = vi.fn();
    const d = new Debounce(job, 250);
    d.flush();
    expect(job).not.toHaveBeenCalled();
    d.schedule();
    d.flush();
    expect(job).toHaveBeenCalledTimes(1);
    d.schedule();
    d.cancel();
    vi.advanceTimersByTime(1_000);
    expect(job).toHaveBeenCalledTimes(1);
  });
});
