// The camera: which part of the unit-Mercator world is on screen, at what size. It knows how to
// pan, zoom around a point and animate to a target, and it bumps `version` whenever it moves so
// the base layer knows when to re-render.
import { MAX_LAT, unitX, unitY } from "./projection";

const TILE = 256; // world width in CSS px at zoom 0
export const MIN_ZOOM_ABS = 0;
export const MAX_ZOOM = 11;

interface Flight {
  fromX: number; fromY: number; fromZ: number;
  toX: number; toY: number; toZ: number;
  startMs: number; durationMs: number;
}

export class MapView {
  /** Viewport size in CSS pixels. */
  width = 1;
  height = 1;
  dpr = 1;
  /** World point at the centre of the viewport, unit coordinates (x unbounded: it wraps). */
  centerX = unitX(150);
  centerY = unitY(22);
  zoom = 2.6;
  /** Incremented on every change; consumers compare against the version they rendered. */
  version = 0;
  private flight: Flight | null = null;

  get worldPx(): number {
    return TILE * Math.pow(2, this.zoom);
  }

  /** Smallest zoom at which the world still fills the viewport height (no empty band at the poles). */
  get minZoom(): number {
    return Math.max(MIN_ZOOM_ABS, Math.log2(this.height / TILE));
  }

  resize(width: number, height: number, dpr: number): void {
    const firstLayout = this.width <= 1;
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
    this.dpr = dpr;
    if (firstLayout) {
      // Start with the whole world across the window.
      this.zoom = Math.log2(this.width / TILE);
    }
    this.clamp();
    this.version++;
  }

  /** Screen x of unit x 0 (the antimeridian) for the copy of the world nearest the centre. */
  get originX(): number {
    return -this.centerX * this.worldPx + this.width / 2;
  }

  get originY(): number {
    return -this.centerY * this.worldPx + this.height / 2;
  }

  screenToUnit(sx: number, sy: number): [number, number] {
    const w = this.worldPx;
    return [this.centerX + (sx - this.width / 2) / w, this.centerY + (sy - this.height / 2) / w];
  }

  panBy(dxPx: number, dyPx: number): void {
    this.flight = null;
    const w = this.worldPx;
    this.centerX -= dxPx / w;
    this.centerY -= dyPx / w;
    this.clamp();
    this.version++;
  }

  /** Zooms by `dz` (log2 steps) keeping the world point under (sx, sy) fixed on screen. */
  zoomAt(sx: number, sy: number, dz: number): void {
    this.flight = null;
    const [ux, uy] = this.screenToUnit(sx, sy);
    this.zoom = Math.min(MAX_ZOOM, Math.max(this.minZoom, this.zoom + dz));
    const w = this.worldPx;
    this.centerX = ux - (sx - this.width / 2) / w;
    this.centerY = uy - (sy - this.height / 2) / w;
    this.clamp();
    this.version++;
  }

  /**
   * Eases the camera so lon/lat ends up `dxPx` right of the viewport centre (to keep it clear of
   * side panels) at the given zoom; `step` advances the flight once per animation frame.
   */
  flyTo(lon: number, lat: number, zoom: number, nowMs: number, dxPx = 0, durationMs = 450): void {
    const toZ = Math.min(MAX_ZOOM, Math.max(this.minZoom, zoom));
    let toX = unitX(lon) - dxPx / (TILE * Math.pow(2, toZ));
    // Take the short way round the globe.
    toX += Math.round(this.centerX - toX);
    this.flight = {
      fromX: this.centerX, fromY: this.centerY, fromZ: this.zoom,
      toX, toY: unitY(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat))), toZ,
      startMs: nowMs, durationMs,
    };
  }

  zoomBy(dz: number, nowMs: number): void {
    const target = Math.min(MAX_ZOOM, Math.max(this.minZoom, (this.flight?.toZ ?? this.zoom) + dz));
    this.flight = {
      fromX: this.centerX, fromY: this.centerY, fromZ: this.zoom,
      toX: this.centerX, toY: this.centerY, toZ: target,
      startMs: nowMs, durationMs: 220,
    };
  }

  get flying(): boolean {
    return this.flight !== null;
  }

  /** Advances a running flight; returns true while the camera is moving. */
  step(nowMs: number): boolean {
    const f = this.flight;
    if (!f) return false;
    const t = Math.min(1, (nowMs - f.startMs) / f.durationMs);
    const e = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2; // ease in-out
    this.zoom = f.fromZ + (f.toZ - f.fromZ) * e;
    this.centerX = f.fromX + (f.toX - f.fromX) * e;
    this.centerY = f.fromY + (f.toY - f.fromY) * e;
    this.clamp();
    this.version++;
    if (t >= 1) this.flight = null;
    return true;
  }

  private clamp(): void {
    this.zoom = Math.min(MAX_ZOOM, Math.max(this.minZoom, this.zoom));
    // Keep x near [0,1) so float precision never degrades after endless panning east.
    this.centerX -= Math.floor(this.centerX);
    const half = this.height / 2 / this.worldPx;
    this.centerY = half >= 0.5 ? 0.5 : Math.min(1 - half, Math.max(half, this.centerY));
  }
}
