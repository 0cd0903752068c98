// One snapshot-and-delta subscription on the live hub (the map, the board, the suppliers): after
// every (re)connect it calls the hub's Subscribe method for a snapshot, then applies the numbered
// deltas that follow in order, asking for a fresh snapshot whenever one is missing.
import type { HubConnection } from "@microsoft/signalr";
import { FeedSequencer, type Sequenced } from "./feedSequencer";

/** What a feed may tell the connection about itself (shown in the page's connection pill). */
export interface FeedContext {
  isLive(): boolean;
  trouble(detail: string): void;
}

export interface LiveFeed {
  /** Registers the feed's server-event handler; called once, before the first start. */
  attach(hub: HubConnection): void;
  /** After each (re)connect: fetch the snapshot and start applying deltas. */
  subscribe(hub: HubConnection, context: FeedContext): Promise<void>;
  /** The connection dropped: nothing is known until the next snapshot. */
  reset(): void;
}

export interface SnapshotFeedOptions<S extends Sequenced, D extends Sequenced> {
  /** Short name for messages ("map", "board"). */
  name: string;
  /** Hub method that joins the feed's group and returns the snapshot, e.g. "SubscribeMap". */
  subscribeMethod: string;
  /** Server event carrying each delta, e.g. "mapDelta". */
  deltaEvent: string;
  onSnapshot(snapshot: S): void;
  onDelta(delta: D): void;
}

/** A failed subscribe is tried again this long after, while the connection stays up. */
const RESUBSCRIBE_MS = 5_000;

export class SnapshotFeed<S extends Sequenced, D extends Sequenced> implements LiveFeed {
  private readonly sequencer = new FeedSequencer<D>();
  private hub: HubConnection | null = null;
  private context: FeedContext | null = null;

  constructor(private readonly options: SnapshotFeedOptions<S, D>) {}

  attach(hub: HubConnection): void {
    this.hub = hub;
    hub.on(this.options.deltaEvent, (delta: D) => this.receive(delta));
  }

  reset(): void {
    this.sequencer.reset();
  }

  async subscribe(hub: HubConnection, context: FeedContext): Promise<void> {
    this.context = context;
    if (!this.sequencer.beginSubscribe()) return;
    let snapshot: S;
    try {
      snapshot = await hub.invoke<S>(this.options.subscribeMethod);
    } catch (err) {
      this.sequencer.subscribeFailed();
      console.debug(`[live] ${this.options.subscribeMethod} failed`, err);
      // If the connection dropped mid-call, the reconnect path subscribes again; if it is still
      // up, the server refused or failed this call: say so and ask again shortly.
      if (context.isLive()) {
        context.trouble(`${this.options.name} feed unavailable — retrying`);
        setTimeout(() => {
          if (context.isLive() && !this.sequencer.subscribed) void this.subscribe(hub, context);
        }, RESUBSCRIBE_MS);
      }
      return;
    }
    const pending = this.sequencer.snapshotReceived(snapshot.seq);
    this.options.onSnapshot(snapshot);
    // Deltas that raced the snapshot and follow it.
    for (const delta of pending) this.receive(delta);
  }

  private receive(delta: D): void {
    switch (this.sequencer.accept(delta)) {
      case "apply":
        this.options.onDelta(delta);
        break;
      case "gap":
        console.debug(`[live] ${this.options.name} delta gap at seq ${delta.seq}; re-subscribing`);
        if (this.hub && this.context) void this.subscribe(this.hub, this.context);
        break;
      default:
        break; // held or ignored
    }
  }
}
