import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Throttle } from "../src/board/throttle";

describe("Throttle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs at once, then collapses a burst into one trailing run per interval", () => {
    let runs = 0;
    const t = new Throttle(() => runs++, 250, () => Date.now());
    t.schedule();
    expect(runs).toBe(1);
    for (let i = 0; i < 50; i++) t.schedule();
    expect(runs).toBe(1);
    vi.advanceTimersByTime(249);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(2);
    vi.advanceTimersByTime(1_000);
    expect(runs).toBe(2);
  });

  it("can be cancelled", () => {
    let runs = 0;
    const t = new Throttle(() => runs++, 250, () => Date.now());
    t.schedule();
    t.schedule();
    t.cancel();
    vi.advanceTimersByTime(1_000);
    expect(runs).toBe(1);
    expect(t.pending).toBe(false);
  });
});
