// Supplier sites (hexagons coloured by posted status) and factories (house glyphs) on the
// operator map. A few hundred fixed points: they are drawn into the base layer's offscreen
// canvas (basemap.ts calls draw() when it re-renders), so they cost nothing per frame; a status
// change only bumps the base layer's version. Hit testing is a linear scan, run on pointer
// events only.
import type { Factory, Supplier } from "../api/types";
import { siteKey } from "../suppliers/siteRows";
import { statusColour, statusRank } from "../suppliers/siteStatus";
import { drawGlyph, FACTORY_COLOUR, FACTORY_SHAPE, SITE_SHAPE } from "./networkGlyphs";
import { placeLabels } from "./labelPlacement";
import type { Viewport } from "./overscan";
import { unitX, unitY } from "./projection";

export interface NetworkHit {
  kind: "site" | "factory";
  /** Site key ("supplierId/siteId") or factory id. */
  key: string;
}

interface Point {
  key: string;
  x: number; // unit Mercator
  y: number;
  label: string;
  status: string; // sites only
}

/** Site labels appear from this zoom on (at world view they would cover Asia). */
const LABEL_ZOOM = 4.5;
const HIT_SLOP_PX = 3;
const LABEL_FONT = "11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const LABEL_HEIGHT = 13;

export function glyphRadius(zoom: number): number {
  return zoom < 3 ? 4.5 : zoom < 5 ? 5.5 : 6.5;
}

export class NetworkLayer {
  showSites = true;
  showFactories = true;
  private sites: Point[] = [];
  private factories: Point[] = [];
  private readonly widths = new Map<string, number>();

  constructor(private readonly changed: () => void) {}

  get siteCount(): number {
    return this.sites.length;
  }

  get factoryCount(): number {
    return this.factories.length;
  }

  setSuppliers(suppliers: Iterable<Supplier>): void {
    const points: Point[] = [];
    for (const s of suppliers)
      for (const site of s.sites) {
        if (!Number.isFinite(site.lat) || !Number.isFinite(site.lon)) continue;
        points.push({ key: siteKey(s.id, site.id), x: unitX(site.lon), y: unitY(site.lat), label: site.name, status: site.status });
      }
    // Operating first, halted last: the worst news is drawn on top where sites overlap.
    points.sort((a, b) => statusRank(b.status) - statusRank(a.status));
    this.sites = points;
    this.changed();
  }

  setFactories(factories: readonly Factory[]): void {
    this.factories = factories
      .filter((f) => Number.isFinite(f.lat) && Number.isFinite(f.lon))
      .map((f) => ({ key: f.id, x: unitX(f.lon), y: unitY(f.lat), label: f.name, status: "" }));
    this.changed();
  }

  setVisible(sites: boolean, factories: boolean): void {
    this.showSites = sites;
    this.showFactories = factories;
    this.changed();
  }

  /** Draws onto a base-layer canvas already scaled to CSS pixels; repeats across world copies. */
  draw(ctx: CanvasRenderingContext2D, view: Viewport, firstCopy: number, lastCopy: number): void {
    const r = glyphRadius(view.zoom);
    const w = view.worldPx;
    for (let k = firstCopy; k <= lastCopy; k++) {
      const ox = view.originX + k * w;
      const shown: Array<{ p: Point; x: number; y: number; factory: boolean }> = [];
      const onScreen = (p: Point, factory: boolean) => {
        const x = ox + p.x * w;
        const y = view.originY + p.y * w;
        if (x >= -160 && x <= view.width + 10 && y >= -10 && y <= view.height + 10) shown.push({ p, x, y, factory });
      };
      if (this.showFactories) for (const f of this.factories) onScreen(f, true);
      if (this.showSites) for (const s of this.sites) onScreen(s, false);
      for (const s of shown)
        drawGlyph(ctx, s.factory ? FACTORY_SHAPE : SITE_SHAPE, s.x, s.y, s.factory ? r : r + 0.5, s.factory ? FACTORY_COLOUR : statusColour(s.p.status));
      if (view.zoom >= LABEL_ZOOM) this.drawLabels(ctx, shown, r);
    }
  }

  /** Labels after all glyphs, worst-status sites first, placed so they do not overlap. */
  private drawLabels(ctx: CanvasRenderingContext2D, shown: Array<{ p: Point; x: number; y: number; factory: boolean }>, r: number): void {
    ctx.font = LABEL_FONT;
    ctx.textBaseline = "middle";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "#0a1520";
    const ordered = [...shown].reverse(); // sites worst first, then factories
    const widths = ordered.map((s) => this.labelWidth(ctx, s.p.label));
    const gap = r + 4;
    const sides = placeLabels(ordered.map((s, i) => ({ x: s.x, y: s.y, width: widths[i]! })), gap, LABEL_HEIGHT, r + 1);
    ordered.forEach((s, i) => {
      const side = sides[i];
      if (side === "none") return;
      const x = side === "right" ? s.x + gap : s.x - gap - widths[i]!;
      ctx.strokeText(s.p.label, x, s.y);
      ctx.fillStyle = s.factory ? "#bdf0ea" : "#e6edf5";
      ctx.fillText(s.p.label, x, s.y);
    });
  }

  private labelWidth(ctx: CanvasRenderingContext2D, text: string): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      width = ctx.measureText(text).width;
      this.widths.set(text, width);
    }
    return width;
  }

  /**
   * The site or factory under screen point (px, py) for the camera (worldPx, originX, originY),
   * sites before factories; null if none is within the glyph plus a little slop.
   */
  hitTest(px: number, py: number, view: { worldPx: number; originX: number; originY: number; zoom: number }): NetworkHit | null {
    const reach = glyphRadius(view.zoom) + HIT_SLOP_PX;
    const site = this.showSites ? nearest(this.sites, px, py, view, reach) : null;
    if (site) return { kind: "site", key: site.key };
    const factory = this.showFactories ? nearest(this.factories, px, py, view, reach) : null;
    return factory ? { kind: "factory", key: factory.key } : null;
  }
}

function nearest(points: readonly Point[], px: number, py: number,
                 view: { worldPx: number; originX: number; originY: number }, reach: number): Point | null {
  const w = view.worldPx;
  let best: Point | null = null;
  let bestD = reach * reach;
  for (const p of points) {
    let x = view.originX + p.x * w;
    x -= w * Math.round((x - px) / w); // the copy of the world nearest the pointer
    const y = view.originY + p.y * w;
    const d = (x - px) ** 2 + (y - py) ** 2;
    // "<=" so later (worse-status, drawn on top) points win ties.
    if (d <= bestD) {
      bestD = d;
      best = p;
    }
  }
  return best;
}
