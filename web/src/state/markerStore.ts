// Every shipment marker on the map, as parallel typed arrays (structure of arrays), so that the
// 60 fps render loop reads plain numbers and allocates nothing. Positions are kept in unit
// Mercator coordinates: each marker glides from where it was drawn when an update arrived
// (`from`) to its newly reported position (`to`) over roughly one hub flush interval.
import type { WireMarker } from "../api/types";
import { unitX, unitY } from "../map/projection";
import { categoryOf, CATEGORY_COUNT } from "./categories";

/** A jump longer than this (unit x/y, ~7° of longitude) is a teleport, not a move: no glide. */
const SNAP_DISTANCE = 0.02;
const DEFAULT_FLUSH_MS = 250;
/** Headings are kept in steps of 10° (the sprite atlas has one shape per step). */
export const HEADING_STEPS = 36;

export class MarkerStore {
  count = 0;
  /** Incremented whenever membership, state or flags change (not on plain position moves). */
  stateVersion = 0;
  /** Incremented on every applied update, including moves. */
  version = 0;
  /** performance.now() of the last applied update. */
  lastUpdateMs = 0;
  /** How long a glide lasts; tracks the observed interval between hub deltas. */
  glideMs = DEFAULT_FLUSH_MS * 1.15;

  ids: string[] = [];
  fromX = new Float64Array(0);
  fromY = new Float64Array(0);
  toX = new Float64Array(0);
  toY = new Float64Array(0);
  startMs = new Float64Array(0);
  lat = new Float64Array(0);
  lon = new Float64Array(0);
  /** Heading quantised to the sprite atlas' steps (0 = north). */
  headingStep = new Uint8Array(0);
  delayHours = new Float32Array(0);
  mode = new Uint8Array(0);
  status = new Uint8Array(0);
  flags = new Uint8Array(0);
  category = new Uint8Array(0);
  /** Markers per display category, kept current on every update (for the legend). */
  readonly categoryCounts = new Int32Array(CATEGORY_COUNT);

  private readonly index = new Map<string, number>();
  private capacity = 0;
  private lastDeltaMs = 0;

  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  /** Replaces the whole picture (hub snapshot); existing markers glide to their new place. */
  applySnapshot(markers: readonly WireMarker[], nowMs: number): void {
    const seen = new Set<string>();
    for (const m of markers) {
      this.upsert(m, nowMs);
      seen.add(m[0]);
    }
    for (let i = this.count - 1; i >= 0; i--) {
      if (!seen.has(this.ids[i]!)) this.removeAt(i);
    }
    this.lastDeltaMs = 0; // the next delta interval starts fresh
    this.touched(nowMs, true);
  }

  /** Applies one hub delta: upserts, then removals. */
  applyDelta(markers: readonly WireMarker[], removed: readonly string[], nowMs: number): void {
    if (this.lastDeltaMs > 0) {
      const interval = nowMs - this.lastDeltaMs;
      if (interval > 50 && interval < 2_000) {
        // Smoothed, slightly longer than the interval so a late delta never leaves markers parked.
        const target = Math.min(1_000, Math.max(120, interval * 1.15));
        this.glideMs += (target - this.glideMs) * 0.2;
      }
    }
    this.lastDeltaMs = nowMs;
    let stateChanged = removed.length > 0;
    for (const m of markers) stateChanged = this.upsert(m, nowMs) || stateChanged;
    for (const id of removed) {
      const i = this.index.get(id);
      if (i !== undefined) this.removeAt(i);
    }
    this.touched(nowMs, stateChanged);
  }

  clear(): void {
    this.count = 0;
    this.ids.length = 0;
    this.index.clear();
    this.categoryCounts.fill(0);
    this.touched(performance.now(), true);
  }

  /** Where marker i is drawn at `nowMs` (unit coordinates; x may lie outside [0,1)). */
  currentX(i: number, nowMs: number): number {
    const t = this.progress(i, nowMs);
    return this.fromX[i]! + (this.toX[i]! - this.fromX[i]!) * t;
  }

  currentY(i: number, nowMs: number): number {
    const t = this.progress(i, nowMs);
    return this.fromY[i]! + (this.toY[i]! - this.fromY[i]!) * t;
  }

  /** True while any marker is still gliding. */
  isAnimating(nowMs: number): boolean {
    return nowMs - this.lastUpdateMs < this.glideMs;
  }

  private progress(i: number, nowMs: number): number {
    const t = (nowMs - this.startMs[i]!) / this.glideMs;
    return t >= 1 ? 1 : t <= 0 ? 0 : t;
  }

  /** Returns true when the marker is new or its state/flags changed. */
  private upsert(m: WireMarker, nowMs: number): boolean {
    const [id, lat, lon, heading, mode, status, flags, delay] = m;
    const x = unitX(lon);
    const y = unitY(lat);
    let i = this.index.get(id);
    let stateChanged = false;
    if (i === undefined) {
      i = this.count++;
      this.ensureCapacity(this.count);
      this.ids[i] = id;
      this.index.set(id, i);
      this.fromX[i] = x;
      this.fromY[i] = y;
      this.category[i] = 255; // forces the count bookkeeping below
      stateChanged = true;
    } else {
      // Glide from wherever the marker is being drawn right now, the short way round the globe.
      let cx = this.currentX(i, nowMs);
      const cy = this.currentY(i, nowMs);
      cx += Math.round(x - cx);
      const far = Math.abs(x - cx) > SNAP_DISTANCE || Math.abs(y - cy) > SNAP_DISTANCE;
      this.fromX[i] = far ? x : cx;
      this.fromY[i] = far ? y : cy;
      stateChanged = this.status[i] !== status || this.flags[i] !== flags || this.mode[i] !== mode;
    }
    this.toX[i] = x;
    this.toY[i] = y;
    this.startMs[i] = nowMs;
    this.lat[i] = lat;
    this.lon[i] = lon;
    const step = Math.round((((heading % 360) + 360) % 360) / (360 / HEADING_STEPS));
    this.headingStep[i] = Number.isFinite(step) ? step % HEADING_STEPS : 0;
    this.delayHours[i] = delay;
    this.mode[i] = mode;
    this.status[i] = status;
    this.flags[i] = flags;
    const category = categoryOf(status, flags);
    if (this.category[i] !== category) {
      if (this.category[i]! < CATEGORY_COUNT) this.categoryCounts[this.category[i]!]!--;
      this.categoryCounts[category]!++;
      this.category[i] = category;
    }
    return stateChanged;
  }

  /** Swap-remove: the last marker takes the freed slot, so the arrays stay dense. */
  private removeAt(i: number): void {
    const last = this.count - 1;
    this.categoryCounts[this.category[i]!]!--;
    this.index.delete(this.ids[i]!);
    if (i !== last) {
      const id = this.ids[last]!;
      this.ids[i] = id;
      this.index.set(id, i);
      for (const a of this.columns()) a[i] = a[last]!;
    }
    this.ids.length = last;
    this.count = last;
  }

  private touched(nowMs: number, stateChanged: boolean): void {
    this.lastUpdateMs = nowMs;
    this.version++;
    if (stateChanged) this.stateVersion++;
  }

  private columns(): Array<Float64Array | Float32Array | Uint8Array> {
    return [
      this.fromX, this.fromY, this.toX, this.toY, this.startMs, this.lat, this.lon,
      this.headingStep, this.delayHours, this.mode, this.status, this.flags, this.category,
    ];
  }

  private ensureCapacity(n: number): void {
    if (n <= this.capacity) return;
    const cap = Math.max(1024, this.capacity * 2, n);
    const grow64 = (a: Float64Array) => { const b = new Float64Array(cap); b.set(a); return b; };
    const grow32 = (a: Float32Array) => { const b = new Float32Array(cap); b.set(a); return b; };
    const grow8 = (a: Uint8Array) => { const b = new Uint8Array(cap); b.set(a); return b; };
    this.fromX = grow64(this.fromX);
    this.fromY = grow64(this.fromY);
    this.toX = grow64(this.toX);
    this.toY = grow64(this.toY);
    this.startMs = grow64(this.startMs);
    this.lat = grow64(this.lat);
    this.lon = grow64(this.lon);
    this.headingStep = grow8(this.headingStep);
    this.delayHours = grow32(this.delayHours);
    this.mode = grow8(this.mode);
    this.status = grow8(this.status);
    this.flags = grow8(this.flags);
    this.category = grow8(this.category);
    this.capacity = cap;
  }
}
