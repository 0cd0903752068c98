// The static layers under the markers: ocean, graticule, land and borders (world-atlas,
// bundled with the app), sea lanes, ports, chokepoints, and the selected shipment's planned
// route and travelled track. They are rendered into an offscreen canvas (with overscan, see
// overscan.ts) only when the zoom or a layer changes or a drag outruns the overscan; every
// animation frame just blits that canvas.
import { geoGraticule } from "d3-geo";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas110Url from "world-atlas/countries-110m.json?url";
import atlas50Url from "world-atlas/countries-50m.json?url";
import type { Chokepoint, LaneCollection, Location } from "../api/types";
import { toPath2D } from "./geoPath2d";
import { unitX, unitY } from "./projection";
import type { Viewport } from "./overscan";

const COLOURS = {
  ocean: "#0a1520",
  graticule: "rgba(150, 180, 210, 0.06)",
  land: "#1b2936",
  coast: "rgba(120, 150, 180, 0.35)",
  border: "rgba(120, 150, 180, 0.18)",
  lane: "rgba(86, 160, 214, 0.11)",
  port: "rgba(120, 180, 220, 0.55)",
  portLabel: "rgba(170, 195, 220, 0.75)",
  chokepoint: "#e5b567",
  chokepointLabel: "#e9d3aa",
  route: "rgba(255, 255, 255, 0.75)",
  originalRoute: "rgba(255, 107, 61, 0.85)",
  track: "#4fd1c5",
};

/** Above this zoom the 1:50m coastlines replace the 1:110m ones. */
const DETAIL_ZOOM = 4.2;
const PORT_LABEL_ZOOM = 6;
const LABEL_FONT = "11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** Extra point symbols drawn on top of the static layers (e.g. the supply network), in CSS px. */
export interface BaseOverlay {
  draw(ctx: CanvasRenderingContext2D, view: Viewport, firstCopy: number, lastCopy: number): void;
}

interface Land {
  land: Path2D;
  coast: Path2D;
  borders: Path2D;
}

export class BaseMap {
  /** Incremented whenever a layer's content changes. */
  version = 0;

  // Meridians every 30° except ±180: a line exactly on the antimeridian is drawn on both edges
  // of every world copy, which reads as a seam.
  private readonly graticule = toPath2D(geoGraticule().extent([[-179.9, -80], [179.9, 80.01]]).step([30, 30])());
  private coarse: Land | null = null;
  private detailed: Land | null = null;
  private detailRequested = false;
  private lanes: Path2D | null = null;
  private ports = new Float64Array(0); // x0,y0,x1,y1… unit coordinates
  private portNames: string[] = [];
  private chokepoints: Array<{ x: number; y: number; label: string }> = [];
  private route: Path2D | null = null;
  private track: Path2D | null = null;
  private original: Path2D | null = null;
  private readonly overlays: BaseOverlay[] = [];

  /** Loads the coarse coastlines (small, bundled); the detailed ones follow on first zoom-in. */
  async loadLand(): Promise<void> {
    this.coarse = await loadAtlas(atlas110Url);
    this.version++;
  }

  setLanes(lanes: LaneCollection): void {
    this.lanes = toPath2D(lanes as unknown as Parameters<typeof toPath2D>[0]);
    this.version++;
  }

  setPorts(ports: readonly Location[]): void {
    ports = ports.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
    this.ports = new Float64Array(ports.length * 2);
    ports.forEach((p, i) => {
      this.ports[2 * i] = unitX(p.lon);
      this.ports[2 * i + 1] = unitY(p.lat);
    });
    this.portNames = ports.map((p) => p.name);
    this.version++;
  }

  setChokepoints(points: readonly Chokepoint[]): void {
    this.chokepoints = points
      .filter((c) => Number.isFinite(c.lat) && Number.isFinite(c.lon))
      .map((c) => ({ x: unitX(c.lon), y: unitY(c.lat), label: c.displayName }));
    this.version++;
  }

  addOverlay(overlay: BaseOverlay): void {
    this.overlays.push(overlay);
    this.version++;
  }

  /** An overlay's content changed: re-render the layer on the next frame. */
  invalidate(): void {
    this.version++;
  }

  /**
   * The selected shipment's planned route and travelled track (null clears them), and for a shipment re-planned
   * around a disruption its booked route, drawn in long orange dashes beside the new one.
   */
  setSelection(route: Path2D | null, track: Path2D | null, original: Path2D | null = null): void {
    this.route = route;
    this.track = track;
    this.original = original;
    this.version++;
  }

  render(ctx: CanvasRenderingContext2D, view: Viewport): void {
    if (view.zoom >= DETAIL_ZOOM) this.requestDetail();
    const dpr = view.dpr;
    const w = view.worldPx;
    const ox = view.originX;
    const oy = view.originY;

    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = COLOURS.ocean;
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);

    const land = view.zoom >= DETAIL_ZOOM && this.detailed ? this.detailed : this.coarse;
    const firstCopy = Math.floor(-ox / w);
    const lastCopy = Math.floor((view.width - ox) / w);

    // Geometry, in unit coordinates, once per visible copy of the world. Copies start on whole
    // device pixels and span a whole number of them, so the land cut at the antimeridian meets
    // its neighbour copy without an anti-aliased hairline between them.
    const wDevice = Math.round(w * dpr);
    for (let k = firstCopy; k <= lastCopy; k++) {
      const tx = Math.round(dpr * ox) + k * wDevice;
      ctx.setTransform(wDevice, 0, 0, wDevice, tx, dpr * oy);
      const px = 1 / w; // one CSS pixel in unit coordinates
      ctx.lineWidth = px;
      ctx.strokeStyle = COLOURS.graticule;
      ctx.stroke(this.graticule);
      if (land) {
        ctx.fillStyle = COLOURS.land;
        ctx.fill(land.land);
        ctx.strokeStyle = COLOURS.coast;
        ctx.lineWidth = 0.7 * px;
        ctx.stroke(land.coast);
        ctx.strokeStyle = COLOURS.border;
        ctx.lineWidth = 0.6 * px;
        ctx.stroke(land.borders);
      }
      if (this.lanes) {
        ctx.strokeStyle = COLOURS.lane;
        ctx.lineWidth = 0.9 * px;
        ctx.stroke(this.lanes);
      }
      if (this.original) {
        ctx.setLineDash([10 * px, 7 * px]);
        ctx.strokeStyle = COLOURS.originalRoute;
        ctx.lineWidth = 1.8 * px;
        ctx.stroke(this.original);
        ctx.setLineDash([]);
      }
      if (this.route) {
        ctx.setLineDash([6 * px, 5 * px]);
        ctx.strokeStyle = COLOURS.route;
        ctx.lineWidth = 1.6 * px;
        ctx.stroke(this.route);
        ctx.setLineDash([]);
      }
      if (this.track) {
        ctx.strokeStyle = COLOURS.track;
        ctx.lineWidth = 2.4 * px;
        ctx.lineJoin = "round";
        ctx.stroke(this.track);
      }
    }

    // Point symbols and labels, in CSS pixels so they keep their size at every zoom.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.drawPorts(ctx, view, firstCopy, lastCopy);
    this.drawChokepoints(ctx, view, firstCopy, lastCopy);
    for (const overlay of this.overlays) {
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      overlay.draw(ctx, view, firstCopy, lastCopy);
    }
  }

  private drawPorts(ctx: CanvasRenderingContext2D, view: Viewport, firstCopy: number, lastCopy: number): void {
    const w = view.worldPx;
    const r = view.zoom > 5 ? 1.6 : 1.1;
    const labels = view.zoom >= PORT_LABEL_ZOOM;
    ctx.fillStyle = COLOURS.port;
    ctx.beginPath();
    for (let k = firstCopy; k <= lastCopy; k++) {
      const ox = view.originX + k * w;
      for (let i = 0; i < this.ports.length; i += 2) {
        const x = ox + this.ports[i]! * w;
        const y = view.originY + this.ports[i + 1]! * w;
        if (x < -4 || x > view.width + 4 || y < -4 || y > view.height + 4) continue;
        ctx.rect(x - r, y - r, 2 * r, 2 * r);
      }
    }
    ctx.fill();
    if (!labels) return;
    ctx.font = LABEL_FONT;
    ctx.fillStyle = COLOURS.portLabel;
    ctx.textBaseline = "middle";
    for (let k = firstCopy; k <= lastCopy; k++) {
      const ox = view.originX + k * w;
      for (let i = 0; i < this.ports.length; i += 2) {
        const x = ox + this.ports[i]! * w;
        const y = view.originY + this.ports[i + 1]! * w;
        if (x < -4 || x > view.width + 4 || y < -4 || y > view.height + 4) continue;
        ctx.fillText(this.portNames[i / 2]!, x + 4, y);
      }
    }
  }

  private drawChokepoints(ctx: CanvasRenderingContext2D, view: Viewport, firstCopy: number, lastCopy: number): void {
    const w = view.worldPx;
    ctx.font = LABEL_FONT;
    ctx.textBaseline = "middle";
    ctx.lineWidth = 3;
    ctx.strokeStyle = COLOURS.ocean;
    for (let k = firstCopy; k <= lastCopy; k++) {
      const ox = view.originX + k * w;
      for (const c of this.chokepoints) {
        const x = ox + c.x * w;
        const y = view.originY + c.y * w;
        if (x < -150 || x > view.width + 10 || y < -10 || y > view.height + 10) continue;
        ctx.fillStyle = COLOURS.chokepoint;
        ctx.beginPath();
        ctx.moveTo(x, y - 4);
        ctx.lineTo(x + 4, y);
        ctx.lineTo(x, y + 4);
        ctx.lineTo(x - 4, y);
        ctx.closePath();
        ctx.fill();
        // A halo in the ocean colour keeps labels readable over lanes and markers' base.
        ctx.strokeText(c.label, x + 7, y);
        ctx.fillStyle = COLOURS.chokepointLabel;
        ctx.fillText(c.label, x + 7, y);
      }
    }
  }

  private requestDetail(): void {
    if (this.detailRequested) return;
    this.detailRequested = true;
    loadAtlas(atlas50Url).then(
      (land) => {
        this.detailed = land;
        this.version++;
      },
      () => {
        this.detailRequested = false; // try again on the next zoom-in
      },
    );
  }
}

async function loadAtlas(url: string): Promise<Land> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`world atlas ${url}: HTTP ${response.status}`);
  const topology = (await response.json()) as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
  return {
    land: toPath2D(feature(topology, topology.objects.land)),
    // Coastlines as lines, not the land polygons' outline: polygons cut at the antimeridian get
    // closing edges along it, which would be stroked as a seam.
    coast: toPath2D(mesh(topology, topology.objects.land)),
    // Borders between two countries only.
    borders: toPath2D(mesh(topology, topology.objects.countries, (a, b) => a !== b)),
  };
}
