// Draws every shipment marker each animation frame. Per frame it: interpolates each marker's
// position into reusable typed arrays, then stamps pre-rendered sprites from one atlas, colour
// by colour, repeating the world horizontally when it is narrower than the screen.
// Nothing here allocates per frame; the hit grid is rebuilt lazily only when someone asks.
import { Flag } from "../api/types";
import { CATEGORY_COUNT } from "../state/categories";
import type { MarkerStore } from "../state/markerStore";
import { HitGrid } from "./hitGrid";
import { SpriteAtlas } from "./markerSprites";
import { OverscanFrame, type Viewport } from "./overscan";
import type { MapView } from "./view";

/** Extra screen margin so markers half off-screen still draw, and the canonical wrap offset. */
const MARGIN = 12;
const HIT_RADIUS = 9;
const DISRUPTED_RING = "#ff6b3d";

export class MarkerLayer {
  /** Bit c set = category c hidden by the legend filters. */
  hiddenCategories = 0;
  /** Shipment id to ring; resolved to an index every frame because removals move indices. */
  selectedId: string | null = null;
  /** Markers on screen in the last frame (cached + gliding; world copies counted once). */
  drawnCount = 0;
  /** Of those, markers stamped individually this frame because they are still gliding. */
  glidingCount = 0;
  /** Markers ringed as disrupted in the last frame (tests read it from the page). */
  disruptedCount = 0;

  private sx = new Float32Array(0);
  private sy = new Float32Array(0);
  private include = new Uint8Array(0);
  private order = new Int32Array(0);
  private readonly bucketStart = new Int32Array(CATEGORY_COUNT + 1);
  private readonly bucketFill = new Int32Array(CATEGORY_COUNT);
  private bucketVersion = -1;
  private readonly grid = new HitGrid();
  private readonly atlases = new Map<number, SpriteAtlas>();
  private gridDirty = true;
  // The settled-marker layer and what it was built from.
  private readonly cache = document.createElement("canvas");
  private readonly cacheCtx = this.cache.getContext("2d")!;
  private readonly cacheFrame = new OverscanFrame();
  private cacheStoreVersion = -1;
  private cacheHidden = -1;
  private cacheAtlas: SpriteAtlas | null = null;
  private cachedCount = 0;
  /** Indices of markers drawn per frame because they are still gliding. */
  private moving = new Int32Array(0);
  private movingCount = 0;
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

    // 2. Settled markers come from a cached layer, rebuilt only when the feed, the view or the
    //    filters change; only markers still gliding visibly are stamped every frame. With a feed
    //    where each shipment reports every few seconds that is a small fraction of the fleet.
    const size = markerSize(view.zoom);
    const atlas = this.atlasFor(size, view.dpr);
    if (this.cacheStoreVersion !== store.version || this.cacheHidden !== hidden || this.cacheAtlas !== atlas ||
        !this.cacheFrame.fits(view)) {
      this.rebuildCache(this.cacheFrame.capture(view), atlas, nowMs);
    }
    const dpr = view.dpr;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.cache, Math.round(this.cacheFrame.blitX(view) * dpr), Math.round(this.cacheFrame.blitY(view) * dpr));
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const moving = this.moving;
    let gliding = 0;
    for (let k = 0; k < this.movingCount; k++) {
      const i = moving[k]!;
      if (!include[i]) continue;
      this.stamp(ctx, atlas, i, sx[i]!, sy[i]!, w, width, view.dpr);
      gliding++;
    }
    this.glidingCount = gliding;
    this.drawnCount = this.cachedCount + gliding;

    // 3. Shipments re-routed or delayed by a disruption get a ring in the disruption colour, so an operator sees at a
    //    glance what a closure reached. Stroked per frame: they are few, and their positions are already computed.
    const flags = store.flags;
    const ringR = size * 1.9;
    let rings = 0;
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if (!include[i] || !(flags[i]! & Flag.Disrupted)) continue;
      for (let x = sx[i]!; x < width + MARGIN; x += w) {
        ctx.moveTo(x + ringR, sy[i]!);
        ctx.arc(x, sy[i]!, ringR, 0, Math.PI * 2);
      }
      rings++;
    }
    if (rings > 0) {
      ctx.lineWidth = 1.6;
      ctx.strokeStyle = DISRUPTED_RING;
      ctx.stroke();
    }
    this.disruptedCount = rings;

    // 4. The selected marker gets a pulsing ring, drawn on every copy.
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

  /**
   * Redraws the settled-marker layer (for an overscanned viewport): every included marker whose remaining glide is under a
   * third of a pixel is stamped at its final position; the others are listed in `moving`.
   */
  private rebuildCache(view: Viewport, atlas: SpriteAtlas, nowMs: number): void {
    const store = this.store;
    const dpr = view.dpr;
    const cache = this.cache;
    const cw = Math.round(view.width * dpr);
    const ch = Math.round(view.height * dpr);
    if (cache.width !== cw || cache.height !== ch) {
      cache.width = cw;
      cache.height = ch;
    }
    const ctx = this.cacheCtx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, cw, ch);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

    const w = view.worldPx;
    const ox = view.originX;
    const oy = view.originY;
    const width = view.width;
    const glide = store.glideMs;
    let movingCount = 0;
    let drawn = 0;
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      if ((this.hiddenCategories >> c) & 1) continue;
      for (let k = this.bucketStart[c]!, end = this.bucketStart[c + 1]!; k < end; k++) {
        const i = this.order[k]!;
        const t = (nowMs - store.startMs[i]!) / glide;
        if (t < 1) {
          const remainingPx = Math.hypot(store.toX[i]! - store.fromX[i]!, store.toY[i]! - store.fromY[i]!) * w * (1 - t);
          if (remainingPx > 0.33) {
            this.moving[movingCount++] = i;
            continue;
          }
        }
        let x = store.toX[i]! * w + ox;
        x -= w * Math.floor((x + MARGIN) / w);
        const y = store.toY[i]! * w + oy;
        if (y < -MARGIN || y > view.height + MARGIN || x > width + MARGIN) continue;
        this.stamp(ctx, atlas, i, x, y, w, width, dpr);
        drawn++;
      }
    }
    this.movingCount = movingCount;
    this.cachedCount = drawn;
    this.cacheStoreVersion = store.version;
    this.cacheHidden = this.hiddenCategories;
    this.cacheAtlas = atlas;
  }

  /** Stamps marker i's sprite at (x, y) and at every world copy to its right that is on screen. */
  private stamp(ctx: CanvasRenderingContext2D, atlas: SpriteAtlas, i: number, x: number, y: number,
                worldPx: number, width: number, dpr: number): void {
    const m = this.store.mode[i]!;
    const srcX = atlas.sourceX(m, this.store.headingStep[i]!);
    const srcY = atlas.sourceY(this.store.category[i]!, m);
    const cell = atlas.cellPx;
    const cellCss = atlas.cellCss;
    const half = cellCss / 2;
    // Snapped to device pixels: sub-pixel image draws cost more and blur the sprite.
    const top = Math.round((y - half) * dpr) / dpr;
    for (let cx = x; cx < width + MARGIN; cx += worldPx) {
      ctx.drawImage(atlas.image, srcX, srcY, cell, cell, Math.round((cx - half) * dpr) / dpr, top, cellCss, cellCss);
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

  /** Atlases are cached per (size, dpr): zooming moves through a handful of sizes. */
  private atlasFor(size: number, dpr: number): SpriteAtlas {
    const key = size * 100 + dpr;
    let atlas = this.atlases.get(key);
    if (!atlas) {
      atlas = new SpriteAtlas(size, dpr);
      this.atlases.set(key, atlas);
    }
    return atlas;
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
    this.moving = new Int32Array(cap);
    this.bucketVersion = -1;
    this.cacheStoreVersion = -1;
  }
}

/**
 * Marker half-size in CSS px: small when the whole world is visible, larger when zoomed in.
 * Quantised to half pixels so only a few sprite atlases ever exist.
 */
function markerSize(zoom: number): number {
  return Math.round(Math.min(5.5, Math.max(2.5, 1.4 + zoom * 0.6)) * 2) / 2;
}
