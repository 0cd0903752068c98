// Draws every shipment marker each animation frame. Per frame it: interpolates each marker's
// position into reusable typed arrays, then fills one path per colour (a few fill() calls for
// thousands of shapes), repeating the world horizontally when it is narrower than the screen.
// Nothing here allocates per frame; the hit grid is rebuilt lazily only when someone asks.
import { MarkerMode } from "../api/types";
import { CATEGORY_COUNT, CATEGORY_INFO } from "../state/categories";
import type { MarkerStore } from "../state/markerStore";
import { HitGrid } from "./hitGrid";
import type { MapView } from "./view";

/** Extra screen margin so markers half off-screen still draw, and the canonical wrap offset. */
const MARGIN = 12;
const HIT_RADIUS = 9;
const OUTLINE = "rgba(6, 10, 16, 0.7)";

export class MarkerLayer {
  /** Bit c set = category c hidden by the legend filters. */
  hiddenCategories = 0;
  /** Shipment id to ring; resolved to an index every frame because removals move indices. */
  selectedId: string | null = null;
  /** Markers drawn in the last frame (all copies counted once). */
  drawnCount = 0;

  private sx = new Float32Array(0);
  private sy = new Float32Array(0);
  private include = new Uint8Array(0);
  private order = new Int32Array(0);
  private readonly bucketStart = new Int32Array(CATEGORY_COUNT + 1);
  private readonly bucketFill = new Int32Array(CATEGORY_COUNT);
  private bucketVersion = -1;
  private readonly grid = new HitGrid();
  private gridDirty = true;
  private worldPx = 1;
  private viewWidth = 1;
  private viewHeight = 1;

  constructor(private readonly store: MarkerStore) {}

  draw(ctx: CanvasRenderingContext2D, view: MapView, nowMs: number): void {
    const store = this.store;
    const n = store.count;
    this.ensureCapacity(n);
    this.ensureBuckets();

    const w = view.worldPx;
    const ox = view.originX;
    const oy = view.originY;
    const width = view.width;
    const height = view.height;
    this.worldPx = w;
    this.viewWidth = width;
    this.viewHeight = height;
    const sx = this.sx;
    const sy = this.sy;
    const include = this.include;
    const hidden = this.hiddenCategories;
    const category = store.category;

    // 1. Positions of the canonical copy: x wrapped into [-MARGIN, w - MARGIN).
    for (let i = 0; i < n; i++) {
      let x = store.currentX(i, nowMs) * w + ox;
      x -= w * Math.floor((x + MARGIN) / w);
      const y = store.currentY(i, nowMs) * w + oy;
      sx[i] = x;
      sy[i] = y;
      include[i] = (hidden >> category[i]!) & 1 || y < -MARGIN || y > height + MARGIN || x > width + MARGIN ? 0 : 1;
    }
    this.gridDirty = true;

    // 2. One path per colour.
    const size = markerSize(view.zoom);
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = OUTLINE;
    let drawn = 0;
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      if ((hidden >> c) & 1) continue;
      const start = this.bucketStart[c]!;
      const end = this.bucketStart[c + 1]!;
      if (start === end) continue;
      ctx.beginPath();
      for (let k = start; k < end; k++) {
        const i = this.order[k]!;
        if (!include[i]) continue;
        drawn++;
        const y = sy[i]!;
        for (let x = sx[i]!; x < width + MARGIN; x += w) {
          this.addShape(ctx, i, x, y, size);
        }
      }
      ctx.fillStyle = CATEGORY_INFO[c]!.colour;
      ctx.fill();
      ctx.stroke();
    }
    this.drawnCount = drawn;

    // 3. The selected marker gets a pulsing ring, drawn on every copy.
    const sel = this.selectedId === null ? -1 : store.indexOf(this.selectedId);
    if (sel >= 0) {
      const r = size * 2.6 + 1.5 * Math.sin(nowMs / 180);
      ctx.beginPath();
      for (let x = sx[sel]!; x < width + MARGIN; x += w) {
        ctx.moveTo(x + r, sy[sel]!);
        ctx.arc(x, sy[sel]!, r, 0, Math.PI * 2);
      }
      ctx.lineWidth = 2;
      ctx.strokeStyle = "#ffffff";
      ctx.stroke();
    }
  }

  /** Index of the marker under screen point (x, y) as drawn in the last frame, or -1. */
  hitTest(x: number, y: number): number {
    const n = this.store.count;
    if (n === 0) return -1;
    const w = this.worldPx;
    if (this.gridDirty) {
      const gridWidth = Math.min(w, this.viewWidth + 2 * MARGIN);
      this.grid.build(this.sx, this.sy, this.include, n, -MARGIN, -MARGIN, gridWidth, this.viewHeight + 2 * MARGIN);
      this.gridDirty = false;
    }
    const xn = x - w * Math.floor((x + MARGIN) / w);
    let hit = this.grid.nearest(this.sx, this.sy, xn, y, HIT_RADIUS);
    // Near the wrap seam the marker's canonical copy may sit on the other side.
    if (hit < 0 && xn < -MARGIN + HIT_RADIUS) hit = this.grid.nearest(this.sx, this.sy, xn + w, y, HIT_RADIUS);
    if (hit < 0 && xn > w - MARGIN - HIT_RADIUS) hit = this.grid.nearest(this.sx, this.sy, xn - w, y, HIT_RADIUS);
    return hit;
  }

  private addShape(ctx: CanvasRenderingContext2D, i: number, x: number, y: number, s: number): void {
    const mode = this.store.mode[i]!;
    if (mode === MarkerMode.Truck) {
      // Trucks: small squares (road heading is noisy and adds nothing at map scale).
      const h = s * 0.8;
      ctx.rect(x - h, y - h, 2 * h, 2 * h);
      return;
    }
    // Screen direction of travel (heading is clockwise from north; screen y points down).
    const dx = this.store.headingSin[i]!;
    const dy = -this.store.headingCos[i]!;
    if (mode === MarkerMode.Air) {
      // Aircraft: a swept arrowhead with a notch, wider than the ship triangle.
      ctx.moveTo(x + dx * 1.7 * s, y + dy * 1.7 * s);
      ctx.lineTo(x - dx * 1.1 * s - dy * 1.2 * s, y - dy * 1.1 * s + dx * 1.2 * s);
      ctx.lineTo(x - dx * 0.35 * s, y - dy * 0.35 * s);
      ctx.lineTo(x - dx * 1.1 * s + dy * 1.2 * s, y - dy * 1.1 * s - dx * 1.2 * s);
      ctx.closePath();
      return;
    }
    // Ships: a slender triangle pointing along the heading.
    ctx.moveTo(x + dx * 1.6 * s, y + dy * 1.6 * s);
    ctx.lineTo(x - dx * 1.1 * s - dy * 0.85 * s, y - dy * 1.1 * s + dx * 0.85 * s);
    ctx.lineTo(x - dx * 1.1 * s + dy * 0.85 * s, y - dy * 1.1 * s - dx * 0.85 * s);
    ctx.closePath();
  }

  /** Counting sort of marker indices by category, redone only when states or membership change. */
  private ensureBuckets(): void {
    const store = this.store;
    if (this.bucketVersion === store.stateVersion) return;
    this.bucketVersion = store.stateVersion;
    const n = store.count;
    this.bucketStart.fill(0);
    for (let i = 0; i < n; i++) this.bucketStart[store.category[i]! + 1]!++;
    for (let c = 0; c < CATEGORY_COUNT; c++) this.bucketStart[c + 1]! += this.bucketStart[c]!;
    this.bucketFill.set(this.bucketStart.subarray(0, CATEGORY_COUNT));
    for (let i = 0; i < n; i++) this.order[this.bucketFill[store.category[i]!]!++] = i;
  }

  private ensureCapacity(n: number): void {
    if (this.sx.length >= n) return;
    const cap = Math.max(1024, n, this.sx.length * 2);
    this.sx = new Float32Array(cap);
    this.sy = new Float32Array(cap);
    this.include = new Uint8Array(cap);
    this.order = new Int32Array(cap);
    this.bucketVersion = -1;
  }
}

/** Marker half-size in CSS px: small when the whole world is visible, larger when zoomed in. */
function markerSize(zoom: number): number {
  return Math.min(5.5, Math.max(2.6, 1.4 + zoom * 0.6));
}
