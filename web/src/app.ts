// Composition root: builds the widgets, connects the live feed to the store and the panels, and
// loads the static map layers (retrying until the API answers).
import { api } from "./api/http";
import { Flag, type Chokepoint, type MapDelta, type MapSnapshot } from "./api/types";
import { LiveConnection } from "./live/connection";
import { SnapshotFeed } from "./live/snapshotFeed";
import { MapCanvas } from "./map/mapCanvas";
import { DetailPanel } from "./panels/detail";
import { ExceptionsPanel } from "./panels/exceptions";
import { Header } from "./panels/header";
import { Legend } from "./panels/legend";
import { Selection } from "./selection";
import { searchWithShipment, shipmentFromSearch } from "./shipmentLink";
import { SupplyNetwork } from "./supplyNetwork";
import { MapDisruptions } from "./disruptions/mapDisruptions";
import { CATEGORY_INFO, FLAG_ORDER } from "./state/categories";
import { MarkerStore } from "./state/markerStore";
import { formatClock, formatDelay } from "./ui/format";

const PANEL_REFRESH_MS = 1_000;
const DETAIL_TICK_MS = 15_000;
const STATIC_RETRY_MS = 10_000;

export function startApp(root: HTMLElement): void {
  const store = new MarkerStore();
  // `/?shipment=<id>` (e.g. from the buffer board): opened once the first snapshot has placed the markers.
  let linkedShipment = shipmentFromSearch(location.search);
  const header = new Header();
  const detail = new DetailPanel(() => selection.close());
  const exceptions = new ExceptionsPanel((id) => selection.select(id, true));
  const map: MapCanvas = new MapCanvas(store, {
    onMarkerClick: (id) => selection.select(id, false),
    describeMarker: (i) => describe(store, i),
    pointAt: (x, y) => network.pointAt(x, y),
    onMapClick: (lon, lat) => disruptions.pickPoint(lat, lon),
  });
  const network: SupplyNetwork = new SupplyNetwork(map);
  const disruptions: MapDisruptions = new MapDisruptions(map, (id) => selection.select(id, true));
  const legend = new Legend((hidden) => {
    map.markers.hiddenCategories = hidden;
    map.invalidate();
  });

  const mapFeed = new SnapshotFeed<MapSnapshot, MapDelta>({
    name: "map",
    subscribeMethod: "SubscribeMap",
    deltaEvent: "mapDelta",
    onSnapshot: (snapshot) => {
      store.applySnapshot(snapshot.markers, performance.now());
      header.setCounts(snapshot.counts);
      header.setUpdated(`updated ${formatClock(snapshot.at)} UTC`);
      if (linkedShipment) {
        const id = linkedShipment;
        linkedShipment = null;
        selection.select(id, true);
      }
    },
    onDelta: (delta) => {
      store.applyDelta(delta.markers, delta.removed, performance.now());
      if (delta.counts) header.setCounts(delta.counts);
      exceptions.addAlerts(delta.alerts ?? []);
      header.setUpdated(`updated ${formatClock(delta.at)} UTC`);
    },
  });
  const live = new LiveConnection({
    onState: (state, text) => {
      header.setLink(state, text);
      document.body.dataset.link = state;
      if (state === "live") staticLayers.loadMissing();
    },
    onShipment: (view) => selection.receive(view),
  }, [mapFeed, network.feed, disruptions.feed]);

  const selection = new Selection(map, detail, live, store, () => {
    // Land the focused shipment in the middle of the map area left between the two panels.
    const left = exceptions.el.classList.contains("collapsed") ? 0 : exceptions.el.getBoundingClientRect().width;
    const right = detail.el.hidden ? 0 : detail.el.getBoundingClientRect().width || 380;
    return (left - right) / 2;
  }, (id) => {
    const search = searchWithShipment(location.search, id);
    if (search !== location.search) history.replaceState(history.state, "", `${location.pathname}${search}`);
  });

  legend.el.append(...network.legend.items);
  root.append(map.el, network.popover.el, header.el, header.banner, exceptions.el, disruptions.panel.el, disruptions.dialog.el, detail.el, legend.el);

  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && disruptions.dialog.isOpen) {
      disruptions.dialog.close();
      e.preventDefault();
    } else if (e.key === "Escape" && network.popover.current !== null) {
      network.popover.close();
      e.preventDefault();
    } else if (e.key === "Escape" && selection.current !== null) {
      selection.close();
      e.preventDefault();
    }
  });

  // Panels refresh on a timer rather than on every delta: a list that re-sorts four times a
  // second is unreadable, and the DOM work stays bounded however busy the feed is.
  let refreshedVersion = -1;
  setInterval(() => {
    if (store.version === refreshedVersion) return;
    refreshedVersion = store.version;
    exceptions.refresh(store);
    legend.setCounts(store.categoryCounts);
    document.body.dataset.disrupted = String(countDisrupted(store));
  }, PANEL_REFRESH_MS);
  setInterval(() => detail.tick(), DETAIL_TICK_MS);

  const staticLayers = new StaticLayers(map, network, (points) => {
    for (const c of points) detail.chokepointNames.set(c.name, c.displayName);
    disruptions.setChokepoints(points);
  });
  map.start();
  exceptions.refresh(store);
  void map.base.loadLand().catch((err) => console.warn("[map] world atlas failed to load", err));
  staticLayers.loadMissing();
  network.preload();
  live.start();
}

/** Shipments flagged re-routed or delayed by a disruption (published on the body for tests and scripts). */
function countDisrupted(store: MarkerStore): number {
  let n = 0;
  for (let i = 0; i < store.count; i++) if (store.flags[i]! & Flag.Disrupted) n++;
  return n;
}

/** Tooltip text for a marker. */
function describe(store: MarkerStore, i: number): string {
  const flags = store.flags[i]!;
  const flagText = FLAG_ORDER.filter((f) => flags & f.bit).map((f) => f.label.toLowerCase()).join(", ");
  const state = CATEGORY_INFO[store.category[i]!]!.label;
  const delay = store.delayHours[i]! >= 0.05 ? ` · ${formatDelay(store.delayHours[i]!)}` : "";
  return `${store.ids[i]} · ${state}${flagText && flagText !== state.toLowerCase() ? ` (${flagText})` : ""}${delay}`;
}

/** Lanes, ports, chokepoints and factories from the API; each is fetched until it has loaded once. */
class StaticLayers {
  private lanes = false;
  private ports = false;
  private chokepoints = false;
  private factories = false;
  private retry: number | undefined;

  constructor(private readonly map: MapCanvas, private readonly network: SupplyNetwork,
              private readonly onChokepoints: (points: readonly Chokepoint[]) => void) {}

  loadMissing(): void {
    if (this.retry !== undefined) {
      clearTimeout(this.retry);
      this.retry = undefined;
    }
    const jobs: Array<Promise<unknown>> = [];
    if (!this.lanes) jobs.push(api.lanes().then((l) => { this.map.base.setLanes(l); this.lanes = true; }));
    if (!this.ports) jobs.push(api.ports().then((p) => { this.map.base.setPorts(p); this.ports = true; }));
    if (!this.chokepoints) jobs.push(api.chokepoints().then((c) => { this.map.base.setChokepoints(c); this.onChokepoints(c); this.chokepoints = true; }));
    if (!this.factories) jobs.push(api.factories().then((f) => { this.network.setFactories(f); this.factories = true; }));
    if (jobs.length === 0) return;
    void Promise.allSettled(jobs).then((results) => {
      const failed = results.filter((r) => r.status === "rejected");
      if (failed.length === 0) return;
      console.debug("[map] static layers unavailable, will retry", failed.map((r) => (r as PromiseRejectedResult).reason));
      this.retry = window.setTimeout(() => this.loadMissing(), STATIC_RETRY_MS);
    });
  }
}
