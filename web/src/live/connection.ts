// The one SignalR connection to /hubs/live. It owns the connection lifecycle (first start with
// retries, automatic reconnects forever, re-subscribing each feed after every reconnect, re-watching
// the open shipment). Each page passes the feeds it shows (snapshotFeed.ts): the map, the board,
// the suppliers. Consumers only see ordered, gap-free callbacks.
import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type ILogger,
  type RetryContext,
} from "@microsoft/signalr";
import type { ShipmentView } from "../api/types";
import { accessToken, signOut } from "../auth/session";
import type { FeedContext, LiveFeed } from "./snapshotFeed";

export type LinkState = "connecting" | "live" | "reconnecting" | "offline";

export interface LiveHandlers {
  /** `detail` is a short human explanation (e.g. "retrying in 4 s"). */
  onState(state: LinkState, detail: string): void;
  /** A watched shipment changed (pages that never call watch() can leave it out). */
  onShipment?(view: ShipmentView): void;
}

const HUB_URL = "/hubs/live";
/** Reconnect delays grow 0.5 s, 1 s, 2 s, 4 s, then stay at 5 s, forever. */
const MAX_RETRY_MS = 5_000;

export function retryDelayMs(previousRetryCount: number): number {
  return Math.min(MAX_RETRY_MS, 500 * Math.pow(2, previousRetryCount));
}

/**
 * True when the hub refused the token (401 on negotiate): the session has ended (the user was disabled or the token
 * expired; the server has already closed the connection), so retrying with the same token is pointless. The client
 * wraps the negotiate HttpError in a FailedToNegotiateWithServerError that keeps only its text ("… Status code '401'").
 */
export function sessionRefused(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const { statusCode, message } = err as { statusCode?: unknown; message?: unknown };
  return statusCode === 401 || (typeof message === "string" && message.includes("Status code '401'"));
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
  private readonly context: FeedContext;
  private watched: string | null = null;
  private startAttempts = 0;
  private stopped = false;

  constructor(
    private readonly handlers: LiveHandlers,
    private readonly feeds: readonly LiveFeed[],
  ) {
    this.connection = new HubConnectionBuilder()
      // Browsers cannot put headers on a WebSocket: SignalR sends the token as access_token.
      .withUrl(HUB_URL, { accessTokenFactory: () => accessToken() })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: (ctx: RetryContext) => {
          if (sessionRefused(ctx.retryReason)) {
            this.endSession();
            return null;
          }
          return retryDelayMs(ctx.previousRetryCount);
        },
      })
      .configureLogging(quietLogger)
      .build();

    this.context = {
      isLive: () => this.isLive,
      trouble: (detail) => this.handlers.onState("reconnecting", detail),
    };
    for (const feed of feeds) feed.attach(this.connection);
    this.connection.on("shipment", (view: ShipmentView) => {
      if (view && view.id === this.watched) this.handlers.onShipment?.(view);
    });
    this.connection.onreconnecting(() => {
      for (const feed of this.feeds) feed.reset();
      this.handlers.onState("reconnecting", "connection lost — reconnecting");
    });
    this.connection.onreconnected(() => {
      void this.afterConnected();
    });
    // Only reached if reconnecting ever gives up or the server closes us: start over.
    this.connection.onclose(() => {
      for (const feed of this.feeds) feed.reset();
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
        if (sessionRefused(err)) return this.endSession();
        const delay = retryDelayMs(this.startAttempts++);
        this.handlers.onState("offline", `live feed unreachable — retrying in ${Math.round(delay / 1000)} s`);
        console.debug("[live] start failed", err);
        await sleep(delay);
      }
    }
  }

  /** The token is no longer accepted: stop, and send the user to the sign-in page (as a 401 from the API does). */
  private endSession(): void {
    this.stopped = true;
    signOut("expired");
  }

  /** After a (re)connect: fresh snapshots, and re-watch the open shipment. */
  private async afterConnected(): Promise<void> {
    this.handlers.onState("live", "live");
    await Promise.all(this.feeds.map((feed) => feed.subscribe(this.connection, this.context)));
    const id = this.watched;
    if (id) {
      try {
        const view = await this.connection.invoke<ShipmentView | null>("WatchShipment", id);
        if (view && id === this.watched) this.handlers.onShipment?.(view);
      } catch (err) {
        console.debug("[live] re-watch failed", err);
      }
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
