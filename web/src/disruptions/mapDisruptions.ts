// Disruptions on the operator map page, wired together: the live feed fills the book; the book drives the map layer
// and the feed panel; the declare dialog draws its draft zone on the map and takes map clicks as its centre.
// app.ts adds `feed` to the page's live connection and `pickPoint` to the map's click handling.
import type { DisruptionsDelta, DisruptionsSnapshot, DisruptionView } from "../api/disruptionTypes";
import type { Chokepoint } from "../api/types";
import { currentSession } from "../auth/session";
import { SnapshotFeed, type LiveFeed } from "../live/snapshotFeed";
import { DisruptionLayer } from "../map/disruptionLayer";
import type { MapCanvas } from "../map/mapCanvas";
import { DeclareDialog } from "../panels/declareDialog";
import { DisruptionPanel } from "../panels/disruptionPanel";
import { DisruptionBook } from "./disruptionBook";

const WRITE_ROLES = new Set(["operator", "manager", "admin"]);
/** A zone fills about half the screen at this zoom for a few hundred km; points get the map's focus zoom. */
const ZONE_ZOOM = 4;

export class MapDisruptions {
  readonly book = new DisruptionBook();
  readonly layer: DisruptionLayer;
  readonly panel: DisruptionPanel;
  readonly dialog: DeclareDialog;
  readonly feed: LiveFeed;

  constructor(private readonly map: MapCanvas, openShipment: (id: string) => void) {
    this.layer = new DisruptionLayer(() => map.base.invalidate());
    map.base.addOverlay(this.layer);
    const role = currentSession()?.user.role ?? "";
    this.panel = new DisruptionPanel(this.book, WRITE_ROLES.has(role), {
      focus: (d) => this.focus(d),
      openShipment,
      declare: () => this.dialog.open(),
    });
    this.dialog = new DeclareDialog({
      draft: (center, radiusKm) => this.layer.setDraft(center, radiusKm),
      declared: (view) => {
        // The feed brings it too; applying the POST's answer shows it at once (the higher version wins later).
        this.changed([view]);
        this.panel.open(view.id);
        this.focus(view);
      },
    });
    this.feed = new SnapshotFeed<DisruptionsSnapshot, DisruptionsDelta>({
      name: "disruptions",
      subscribeMethod: "SubscribeDisruptions",
      deltaEvent: "disruptionsDelta",
      onSnapshot: (snapshot) => {
        this.book.replaceAll(snapshot.disruptions ?? []);
        this.layer.set(this.book.active());
        this.panel.refresh();
      },
      onDelta: (delta) => this.changed(delta.disruptions ?? []),
    });
  }

  setChokepoints(points: readonly Chokepoint[]): void {
    this.dialog.setChokepoints(points);
  }

  /** A map click: the declare dialog may want it as a zone centre. */
  pickPoint(lat: number, lon: number): boolean {
    return this.dialog.pickPoint(lat, lon);
  }

  private changed(views: readonly DisruptionView[]): void {
    const ids = this.book.apply(views);
    if (ids.length === 0) return;
    this.layer.set(this.book.active());
    this.panel.refresh(ids);
  }

  private focus(d: DisruptionView): void {
    this.layer.setFocused(d.id);
    const p = d.point ?? d.zone?.center ?? null;
    if (!p) return;
    if (d.zone?.radiusKm || d.zone?.polygons) this.map.view.flyTo(p.lon, p.lat, ZONE_ZOOM, performance.now());
    else this.map.focus(p.lon, p.lat);
  }
}
