// The open shipment: ties the detail panel, the live watch on the hub, the route/track overlay on
// the map and the marker highlight together, and guards every async answer against the user
// having moved on to another shipment meanwhile.
import { api } from "./api/http";
import type { ShipmentView } from "./api/types";
import type { LiveConnection } from "./live/connection";
import { lineToPath2D } from "./map/geoPath2d";
import type { MapCanvas } from "./map/mapCanvas";
import type { DetailPanel } from "./panels/detail";
import type { MarkerStore } from "./state/markerStore";

/** The travelled track is re-fetched at most this often while updates arrive. */
const TRACK_REFRESH_MS = 15_000;

export class Selection {
  private id: string | null = null;
  private route: Path2D | null = null;
  private track: Path2D | null = null;
  private original: Path2D | null = null;
  private trackFetchedAt = 0;
  private hasView = false;
  /** Whether the last view was re-routed: a change re-fetches the route, so the map shows the old and new paths. */
  private rerouted: boolean | undefined = undefined;
  /** A fly-to was asked for a shipment that has no marker yet: fly when its first view brings a position. */
  private focusOnView = false;

  constructor(
    private readonly map: MapCanvas,
    private readonly panel: DetailPanel,
    private readonly live: LiveConnection,
    private readonly store: MarkerStore,
    /** Horizontal screen offset that keeps a focused point clear of the side panels. */
    private readonly focusOffsetPx: () => number,
    /** The open shipment changed (null: closed); the app keeps the URL in step with it. */
    private readonly onChange: (id: string | null) => void = () => {},
  ) {}

  get current(): string | null {
    return this.id;
  }

  /** Opens a shipment; `focus` also flies the map to it. */
  select(id: string, focus: boolean): void {
    if (id === this.id) {
      if (focus) this.focusOn(id);
      return;
    }
    this.id = id;
    this.hasView = false;
    this.rerouted = undefined;
    this.route = null;
    this.track = null;
    this.original = null;
    this.trackFetchedAt = 0;
    this.map.base.setSelection(null, null);
    this.map.markers.selectedId = id;
    this.panel.showLoading(id);
    this.focusOnView = focus && !this.focusOn(id); // after the panel opened, so the offset accounts for it
    this.onChange(id);

    this.live.watch(id).then(
      (view) => {
        if (this.id !== id) return;
        if (view) this.receive(view);
        else if (!this.live.isLive) void this.loadOverHttp(id); // not connected: ask the API directly
        else this.panel.showMessage(id, "This shipment is not known to the platform.");
      },
      () => void this.loadOverHttp(id),
    );
    void this.loadRoute(id);
    void this.loadTrack(id);
  }

  close(): void {
    if (this.id === null) return;
    this.id = null;
    this.map.markers.selectedId = null;
    this.map.base.setSelection(null, null);
    this.panel.hide();
    this.focusOnView = false;
    void this.live.unwatch();
    this.onChange(null);
  }

  /** A "shipment" push from the hub (only ever for the watched id). */
  receive(view: ShipmentView): void {
    if (view.id !== this.id) return;
    const first = !this.hasView;
    this.hasView = true;
    this.panel.update(view);
    if (first && this.focusOnView && view.position) {
      this.focusOnView = false;
      this.map.focus(view.position.lon, view.position.lat, this.focusOffsetPx());
    }
    if (!first && performance.now() - this.trackFetchedAt > TRACK_REFRESH_MS) void this.loadTrack(view.id);
    const rerouted = view.rerouted ?? false;
    if (!first && this.rerouted !== undefined && rerouted !== this.rerouted) void this.loadRoute(view.id);
    this.rerouted = rerouted;
  }

  /** Flies to the shipment's marker; false when the map has no marker for it. */
  private focusOn(id: string): boolean {
    const i = this.store.indexOf(id);
    if (i < 0) return false;
    this.map.focus(this.store.lon[i]!, this.store.lat[i]!, this.focusOffsetPx());
    return true;
  }

  private async loadOverHttp(id: string): Promise<void> {
    try {
      const view = await api.shipment(id);
      if (this.id === id) this.receive(view);
    } catch (err) {
      if (this.id !== id) return;
      const status = (err as { status?: number }).status;
      this.panel.showMessage(id, status === 404 ? "This shipment is not known to the platform." : "Details unavailable while offline.");
    }
  }

  private async loadRoute(id: string): Promise<void> {
    try {
      const route = await api.route(id);
      if (this.id !== id) return;
      this.route = route.path.length > 1 ? lineToPath2D(route.path) : null;
      this.original = route.rerouted && route.originalPath && route.originalPath.length > 1 ? lineToPath2D(route.originalPath) : null;
      this.map.base.setSelection(this.route, this.track, this.original);
      this.panel.setRoute(route);
    } catch (err) {
      console.debug("[selection] route unavailable", id, err);
    }
  }

  private async loadTrack(id: string): Promise<void> {
    this.trackFetchedAt = performance.now();
    try {
      const track = await api.track(id);
      if (this.id !== id) return;
      this.track = track.points.length > 1 ? lineToPath2D(track.points.map((p) => [p.lon, p.lat] as const)) : null;
      this.map.base.setSelection(this.route, this.track, this.original);
    } catch (err) {
      console.debug("[selection] track unavailable", id, err);
    }
  }
}
