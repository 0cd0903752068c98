import { describe, expect, it } from "vitest";
import type { MapDelta } from "../src/api/types";
import { FeedSequencer, MAX_BUFFERED_DELTAS } from "../src/live/feedSequencer";

const delta = (seq: number): MapDelta => ({
  seq, at: "2026-01-01T00:00:00Z", markers: [], removed: [], alerts: [],
  counts: { total: 0, planned: 0, inTransit: 0, arrived: 0, late: 0, coldChain: 0, offRoute: 0, stalled: 0, silent: 0 },
});

function subscribed(seq: number): FeedSequencer {
  const feed = new FeedSequencer();
  feed.beginSubscribe();
  feed.snapshotReceived(seq);
  return feed;
}

describe("FeedSequencer", () => {
  it("ignores deltas before the first snapshot", () => {
    expect(new FeedSequencer().accept(delta(1))).toBe("ignore");
  });

  it("applies consecutive deltas after a snapshot", () => {
    const feed = subscribed(10);
    expect(feed.accept(delta(11))).toBe("apply");
    expect(feed.accept(delta(12))).toBe("apply");
  });

  it("ignores duplicates and deltas the snapshot already contains", () => {
    const feed = subscribed(10);
    expect(feed.accept(delta(10))).toBe("ignore");
    expect(feed.accept(delta(11))).toBe("apply");
    expect(feed.accept(delta(11))).toBe("ignore");
  });

  it("reports a gap and stops applying until the next snapshot", () => {
    const feed = subscribed(10);
    expect(feed.accept(delta(12))).toBe("gap");
    expect(feed.subscribed).toBe(false);
    expect(feed.accept(delta(13))).toBe("ignore");
  });

  it("holds deltas during a snapshot request and replays only the newer ones, in order", () => {
    const feed = subscribed(10);
    expect(feed.accept(delta(12))).toBe("gap");
    expect(feed.beginSubscribe()).toBe(true);
    expect(feed.beginSubscribe()).toBe(false); // one request at a time
    expect(feed.accept(delta(15))).toBe("held");
    expect(feed.accept(delta(13))).toBe("held");
    expect(feed.accept(delta(14))).toBe("held");
    const replay = feed.snapshotReceived(13);
    expect(replay.map((d) => d.seq)).toEqual([14, 15]);
    expect(replay.map((d) => feed.accept(d))).toEqual(["apply", "apply"]);
    expect(feed.accept(delta(16))).toBe("apply");
  });

  it("detects the gap left by deltas dropped beyond the hold limit", () => {
    const feed = new FeedSequencer();
    feed.beginSubscribe();
    for (let s = 1; s <= MAX_BUFFERED_DELTAS + 5; s++) feed.accept(delta(s));
    const replay = feed.snapshotReceived(0);
    expect(replay).toHaveLength(MAX_BUFFERED_DELTAS);
    for (const d of replay) expect(feed.accept(d)).toBe("apply");
    expect(feed.accept(delta(MAX_BUFFERED_DELTAS + 6))).toBe("gap");
  });

  it("forgets everything on reset (connection lost)", () => {
    const feed = subscribed(10);
    feed.reset();
    expect(feed.accept(delta(11))).toBe("ignore");
  });
});
