// A small, static overview map for the suppliers page and the supplier portal: coastlines from the
// bundled world-atlas, the factories and the supplier sites coloured by status, the selected site's
// lanes to the factories it supplies and, on the portal, the supplier's shipments as dots. Framed on
// what it shows (centred across the Pacific when that spans it). Canvas 2D, redrawn only when the
// data, the selection or the size changes.
import { geoMercator, geoPath, type GeoProjection } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { Feature, FeatureCollection, MultiLineString } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas110Url from "world-atlas/countries-110m.json?url";
import type { Factory } from "../api/types";
import { drawGlyph, FACTORY_COLOUR, FACTORY_SHAPE, glyphIcon, SITE_SHAPE } from "../map/networkGlyphs";
import { h } from "../ui/dom";
import { fitBox } from "./overviewGeometry";
import { statusColour, STATUS_INFO } from "./siteStatus";

export interface OverviewSite {
  key: string;
  lon: number;
  lat: number;
  status: string;
  tooltip: string;
  /** Filtered out of the table: drawn faintly. */
  dimmed: boolean;
  factoryIds: string[];
}

/** A shipment dot (portal): where it is now, or at its origin before its first position. */
export interface OverviewShipment {
  key: string;
  lon: number;
  lat: number;
  /** Fill colour, by state (late, arrived, …). */
  colour: string;
  tooltip: string;
}

export interface OverviewOptions {
  /** Draw and list factories in the legend (a supplier user may not read them). Default true. */
  factories?: boolean;
  /** Add "Shipment" to the legend. */
  shipments?: boolean;
  onSelectShipment?: (key: string) => void;
}

export const SHIPMENT_DOT_COLOUR = "#4fd1c5";

const HIT_PX = 9;
const COLOURS = { ocean: "#0a1520", land: "#1b2936", coast: "rgba(120, 150, 180, 0.4)", border: "rgba(120, 150, 180, 0.16)" };

type Land = { land: FeatureCollection | Feature; coast: MultiLineString; borders: MultiLineString };
type ScreenPoint = { x: number; y: number; site: OverviewSite | null; factory: Factory | null; shipment?: OverviewShipment };

export class OverviewMap {
  readonly el: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly tooltip: HTMLElement;
  private readonly landLayer = document.createElement("canvas");
  private land: Land | null = null;
  private sites: OverviewSite[] = [];
  private factories: Factory[] = [];
  private shipments: OverviewShipment[] = [];
  private selected: string | null = null;
  private projection: GeoProjection | null = null;
  private frameKey = "";
  private width = 0;
  private height = 0;
  private dpr = 1;
  private screen: ScreenPoint[] = [];
  private pending = false;

  constructor(private readonly onSelect: (key: string) => void, private readonly options: OverviewOptions = {}) {
    const withFactories = options.factories ?? true;
    this.canvas = h("canvas", { class: "overview-canvas", role: "img",
      "aria-label": `Map of supplier sites coloured by status${withFactories ? ", and factories" : ""}${options.shipments ? ", and shipments" : ""}` });
    this.tooltip = h("div", { class: "map-tooltip", role: "tooltip", hidden: true });
    const legend = h("div", { class: "overview-legend" },
      ...(["halted", "reduced", "operating"] as const).map((s) =>
        h("span", null, glyphIcon(SITE_SHAPE, STATUS_INFO[s].colour), STATUS_INFO[s].label)),
      withFactories ? h("span", null, glyphIcon(FACTORY_SHAPE, FACTORY_COLOUR), "Factory") : null,
      options.shipments ? h("span", null, h("span", { class: "ship-dot", "aria-hidden": "true" }), "Shipment") : null);
    this.el = h("div", { class: "overview" }, this.canvas, this.tooltip, legend);
    new ResizeObserver(() => this.resize()).observe(this.el);
    this.canvas.addEventListener("pointermove", (e) => this.hover(e));
    this.canvas.addEventListener("pointerleave", () => { this.tooltip.hidden = true; this.canvas.style.cursor = ""; });
    this.canvas.addEventListener("click", (e) => {
      const hit = this.hit(e);
      if (hit?.site) this.onSelect(hit.site.key);
      else if (hit?.shipment) this.options.onSelectShipment?.(hit.shipment.key);
    });
    void this.loadLand();
  }

  setData(sites: OverviewSite[], factories: Factory[], selected: string | null): void {
    this.sites = sites;
    this.factories = factories;
    this.selected = selected;
    this.schedule();
  }

  setShipments(shipments: OverviewShipment[]): void {
    this.shipments = shipments;
    this.schedule();
  }

  private async loadLand(): Promise<void> {
    try {
      const response = await fetch(atlas110Url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const topology = (await response.json()) as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
      this.land = {
        land: feature(topology, topology.objects.land),
        coast: mesh(topology, topology.objects.land),
        borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
      };
      this.frameKey = ""; // re-render the land layer
      this.schedule();
    } catch (err) {
      console.warn("[suppliers] world atlas failed to load", err);
    }
  }

  private resize(): void {
    const rect = this.el.getBoundingClientRect();
    this.width = Math.max(1, Math.round(rect.width));
    this.height = Math.max(1, Math.round(rect.height));
    this.dpr = Math.min(window.devicePixelRatio || 1, 2);
    this.canvas.width = Math.round(this.width * this.dpr);
    this.canvas.height = Math.round(this.height * this.dpr);
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    this.frameKey = "";
    this.draw();
  }

  /** Coalesces several changes in one task into one draw. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  /** Re-frames (and re-renders the land) only when the set of positions or the size changed. */
  private ensureFrame(): void {
    const points = [...this.sites, ...this.factories, ...this.shipments].map((p) => ({ lon: p.lon, lat: p.lat }));
    const key = `${this.width}x${this.height}@${this.dpr}|${points.map((p) => `${p.lon.toFixed(2)},${p.lat.toFixed(2)}`).join(";")}|${this.land ? 1 : 0}`;
    if (key === this.frameKey && this.projection) return;
    this.frameKey = key;
    const box = fitBox(points);
    const projection = geoMercator().rotate([-box.centreLon, 0]);
    const pad = 14;
    projection.fitExtent([[pad, pad], [this.width - pad, this.height - pad - 18]], {
      type: "MultiPoint",
      coordinates: [[box.centreLon + box.west, box.south], [box.centreLon + box.east, box.north],
        [box.centreLon + box.west, box.north], [box.centreLon + box.east, box.south]],
    });
    this.projection = projection;

    const layer = this.landLayer;
    layer.width = this.canvas.width;
    layer.height = this.canvas.height;
    const ctx = layer.getContext("2d")!;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = COLOURS.ocean;
    ctx.fillRect(0, 0, this.width, this.height);
    if (!this.land) return;
    const path = geoPath(projection, ctx);
    ctx.beginPath();
    path(this.land.land);
    ctx.fillStyle = COLOURS.land;
    ctx.fill();
    ctx.beginPath();
    path(this.land.borders);
    ctx.lineWidth = 0.6;
    ctx.strokeStyle = COLOURS.border;
    ctx.stroke();
    ctx.beginPath();
    path(this.land.coast);
    ctx.lineWidth = 0.7;
    ctx.strokeStyle = COLOURS.coast;
    ctx.stroke();
  }

  private draw(): void {
    if (this.width <= 1) return;
    this.ensureFrame();
    const projection = this.projection!;
    const ctx = this.canvas.getContext("2d")!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.landLayer, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);

    const factoryById = new Map(this.factories.map((f) => [f.id, f]));
    const selected = this.sites.find((s) => s.key === this.selected) ?? null;
    if (selected) {
      // The lanes this site feeds: great circles to each factory it supplies.
      const path = geoPath(projection, ctx);
      ctx.beginPath();
      for (const id of selected.factoryIds) {
        const f = factoryById.get(id);
        if (f) path({ type: "LineString", coordinates: [[selected.lon, selected.lat], [f.lon, f.lat]] });
      }
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1.2;
      ctx.strokeStyle = "rgba(79, 209, 197, 0.7)";
      ctx.stroke();
      ctx.setLineDash([]);
    }

    this.screen = [];
    for (const f of this.factories) {
      const p = projection([f.lon, f.lat]);
      if (!p) continue;
      drawGlyph(ctx, FACTORY_SHAPE, p[0], p[1], 5, FACTORY_COLOUR);
      this.screen.push({ x: p[0], y: p[1], site: null, factory: f });
    }
    // Shipments under the sites: a site is what this map is about, a dot at a port must not hide it.
    for (const s of this.shipments) {
      const p = projection([s.lon, s.lat]);
      if (!p) continue;
      ctx.beginPath();
      ctx.arc(p[0], p[1], 3.5, 0, Math.PI * 2);
      ctx.fillStyle = s.colour;
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = "rgba(7, 13, 20, 0.9)";
      ctx.stroke();
      this.screen.push({ x: p[0], y: p[1], site: null, factory: null, shipment: s });
    }
    // Operating first, halted last, so the worst news is drawn on top.
    const order = [...this.sites].sort((a, b) => (STATUS_INFO[b.status as "halted"]?.rank ?? -1) - (STATUS_INFO[a.status as "halted"]?.rank ?? -1));
    for (const s of order) {
      const p = projection([s.lon, s.lat]);
      if (!p) continue;
      ctx.globalAlpha = s.dimmed ? 0.28 : 1;
      drawGlyph(ctx, SITE_SHAPE, p[0], p[1], 6, statusColour(s.status));
      ctx.globalAlpha = 1;
      this.screen.push({ x: p[0], y: p[1], site: s, factory: null });
    }
    if (selected) {
      const p = projection([selected.lon, selected.lat]);
      if (p) {
        ctx.beginPath();
        ctx.arc(p[0], p[1], 11, 0, Math.PI * 2);
        ctx.lineWidth = 2;
        ctx.strokeStyle = "#ffffff";
        ctx.stroke();
      }
    }
  }

  private hit(e: MouseEvent): ScreenPoint | null {
    const r = this.canvas.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    let best: ScreenPoint | null = null;
    let bestD = HIT_PX * HIT_PX;
    // Later entries are drawn on top, so they win ties.
    for (const p of this.screen) {
      const d = (p.x - x) ** 2 + (p.y - y) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = p;
      }
    }
    return best;
  }

  private hover(e: PointerEvent): void {
    const hit = this.hit(e);
    if (!hit) {
      this.tooltip.hidden = true;
      this.canvas.style.cursor = "";
      return;
    }
    this.canvas.style.cursor = hit.site || (hit.shipment && this.options.onSelectShipment) ? "pointer" : "";
    this.tooltip.textContent = hit.site ? hit.site.tooltip : hit.shipment ? hit.shipment.tooltip : `${hit.factory!.name} (${hit.factory!.id}) · factory`;
    const r = this.canvas.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    this.tooltip.hidden = false;
    // Keep the tooltip inside the small map: flip it left of the pointer near the right edge.
    const w = this.tooltip.offsetWidth;
    const left = x + 14 + w > this.width ? Math.max(0, x - 10 - w) : x + 14;
    this.tooltip.style.transform = `translate(${Math.round(left)}px, ${Math.round(y + 10)}px)`;
  }
}
