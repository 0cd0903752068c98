// A snapshot-and-delta feed's ordering rules (the map, the board, the suppliers), kept free of any
// networking so they can be tested directly:
// a snapshot sets the sequence number, each delta must be exactly the next one, deltas that
// arrive while a snapshot is being fetched wait for it, and any gap asks for a fresh snapshot.
/** Anything the hub sends as a numbered delta. */
export interface Sequenced {
  seq: number;
}

/** Deltas held while a snapshot request is in flight; beyond this we simply ask again. */
export const MAX_BUFFERED_DELTAS = 64;

export type DeltaVerdict =
  | "apply" // the next delta in sequence: apply it
  | "ignore" // already covered by the snapshot, a duplicate, or not subscribed
  | "held" // a snapshot is on its way; kept until it arrives
  | "gap"; // a delta is missing: subscribe again (beginSubscribe + snapshotReceived)

export class FeedSequencer<D extends Sequenced = Sequenced> {
  private lastSeq = -1;
  private subscribing = false;
  private held: D[] = [];

  /** Marks a subscribe call as started; false if one is already in flight. */
  beginSubscribe(): boolean {
    if (this.subscribing) return false;
    this.subscribing = true;
    this.held = [];
    return true;
  }

  /**
   * The snapshot arrived. Returns the held deltas that follow it, in order; feed each to
   * `accept` (some may still turn out to be a gap).
   */
  snapshotReceived(seq: number): D[] {
    this.subscribing = false;
    this.lastSeq = seq;
    // If deltas beyond MAX_BUFFERED_DELTAS were dropped, the first live delta after these
    // reveals the gap and triggers another snapshot: no special case needed.
    const held = this.held.sort((a, b) => a.seq - b.seq);
    this.held = [];
    return held.filter((d) => d.seq > seq);
  }

  subscribeFailed(): void {
    this.subscribing = false;
    this.held = [];
  }

  /** The connection dropped: nothing is known until the next snapshot. */
  reset(): void {
    this.lastSeq = -1;
    this.subscribing = false;
    this.held = [];
  }

  get subscribed(): boolean {
    return this.lastSeq >= 0;
  }

  accept(delta: D): DeltaVerdict {
    if (this.subscribing) {
      if (this.held.length < MAX_BUFFERED_DELTAS) this.held.push(delta);
      return "held";
    }
    if (this.lastSeq < 0) return "ignore";
    if (delta.seq <= this.lastSeq) return "ignore";
    if (delta.seq !== this.lastSeq + 1) {
      this.lastSeq = -1;
      return "gap";
    }
    this.lastSeq = delta.seq;
    return "apply";
  }
}
