// The one SignalR connection to /hubs/live. It owns the connection lifecycle (first start with
// retries, automatic reconnects forever, re-subscribing after each reconnect) and applies the
// map feed's ordering rules (feedSequencer.ts). Consumers only see ordered, gap-free callbacks.
import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type ILogger,
  type RetryContext,
} from "@microsoft/signalr";
import type { MapDelta, MapSnapshot, ShipmentView } from "../api/types";
import { FeedSequencer } from "./feedSequencer";

export type LinkState = "connecting" | "live" | "reconnecting" | "offline";

export interface LiveHandlers {
  /** `detail` is a short human explanation (e.g. "retrying in 4 s"). */
  onState(state: LinkState, detail: string): void;
  onSnapshot(snapshot: MapSnapshot): void;
  onDelta(delta: MapDelta): void;
  onShipment(view: ShipmentView): void;
}

const HUB_URL = "/hubs/live";
/** Reconnect delays grow 0.5 s, 1 s, 2 s, 4 s, then stay at 5 s, forever. */
const MAX_RETRY_MS = 5_000;

export function retryDelayMs(previousRetryCount: number): number {
  return Math.min(MAX_RETRY_MS, 500 * Math.pow(2, previousRetryCount));
}

/** SignalR's own log goes to the debug console: the header shows the state that matters. */
const quietLogger: ILogger = {
  log(level: LogLevel, message: string) {
    if (level >= LogLevel.Critical) console.warn(`[signalr] ${message}`);
    else if (level >= LogLevel.Information) console.debug(`[signalr] ${message}`);
  },
};

export class LiveConnection {
  private readonly connection: HubConnection;
  private readonly feed = new FeedSequencer();
  private watched: string | null = null;
  private startAttempts = 0;
  private stopped = false;

  constructor(private readonly handlers: LiveHandlers) {
    this.connection = new HubConnectionBuilder()
      .withUrl(HUB_URL)
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (ctx: RetryContext) => retryDelayMs(ctx.previousRetryCount),
      })
      .configureLogging(quietLogger)
      .build();

    this.connection.on("mapDelta", (delta: MapDelta) => this.receiveDelta(delta));
    this.connection.on("shipment", (view: ShipmentView) => {
      if (view && view.id === this.watched) this.handlers.onShipment(view);
    });
    this.connection.onreconnecting(() => {
      this.feed.reset();
      this.handlers.onState("reconnecting", "connection lost — reconnecting");
    });
    this.connection.onreconnected(() => {
      void this.afterConnected();
    });
    // Only reached if reconnecting ever gives up or the server closes us: start over.
    this.connection.onclose(() => {
      this.feed.reset();
      if (!this.stopped) void this.startWithRetry();
    });
  }

  get isLive(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  start(): void {
    this.stopped = false;
    void this.startWithRetry();
  }

  /** Starts watching one shipment (replacing any previous one); resolves with its current view. */
  async watch(id: string): Promise<ShipmentView | null> {
    const previous = this.watched;
    this.watched = id;
    if (!this.isLive) return null;
    if (previous && previous !== id) await this.invokeQuietly("UnwatchShipment", previous);
    return (await this.connection.invoke<ShipmentView | null>("WatchShipment", id)) ?? null;
  }

  async unwatch(): Promise<void> {
    const id = this.watched;
    this.watched = null;
    if (id && this.isLive) await this.invokeQuietly("UnwatchShipment", id);
  }

  private async startWithRetry(): Promise<void> {
    while (!this.stopped && this.connection.state === HubConnectionState.Disconnected) {
      this.handlers.onState("connecting", this.startAttempts === 0 ? "connecting to the live feed" : "trying again");
      try {
        await this.connection.start();
        this.startAttempts = 0;
        await this.afterConnected();
        return;
      } catch (err) {
        const delay = retryDelayMs(this.startAttempts++);
        this.handlers.onState("offline", `live feed unreachable — retrying in ${Math.round(delay / 1000)} s`);
        console.debug("[live] start failed", err);
        await sleep(delay);
      }
    }
  }

  /** After a (re)connect: fresh snapshot, and re-watch the open shipment. */
  private async afterConnected(): Promise<void> {
    this.handlers.onState("live", "live");
    await this.subscribe();
    const id = this.watched;
    if (id) {
      try {
        const view = await this.connection.invoke<ShipmentView | null>("WatchShipment", id);
        if (view && id === this.watched) this.handlers.onShipment(view);
      } catch (err) {
        console.debug("[live] re-watch failed", err);
      }
    }
  }

  private async subscribe(): Promise<void> {
    if (!this.feed.beginSubscribe()) return;
    let snapshot: MapSnapshot;
    try {
      snapshot = await this.connection.invoke<MapSnapshot>("SubscribeMap");
    } catch (err) {
      this.feed.subscribeFailed();
      console.debug("[live] SubscribeMap failed", err);
      // If the connection dropped mid-call, the reconnect path subscribes again; if it is still
      // up, the server refused or failed this call: say so and ask again shortly.
      if (this.isLive) {
        this.handlers.onState("reconnecting", "map feed unavailable — retrying");
        setTimeout(() => {
          if (this.isLive && !this.feed.subscribed) void this.afterConnected();
        }, MAX_RETRY_MS);
      }
      return;
    }
    const pending = this.feed.snapshotReceived(snapshot.seq);
    this.handlers.onSnapshot(snapshot);
    // Deltas that raced the snapshot and follow it.
    for (const delta of pending) this.receiveDelta(delta);
  }

  private receiveDelta(delta: MapDelta): void {
    switch (this.feed.accept(delta)) {
      case "apply":
        this.handlers.onDelta(delta);
        break;
      case "gap":
        console.debug(`[live] delta gap at seq ${delta.seq}; re-subscribing`);
        void this.subscribe();
        break;
      default:
        break; // held or ignored
    }
  }

  private async invokeQuietly(method: string, ...args: unknown[]): Promise<void> {
    try {
      await this.connection.invoke(method, ...args);
    } catch (err) {
      console.debug(`[live] ${method} failed`, err);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
