// A uniform grid over the screen for "which marker is under the pointer": markers are bucketed
// by cell with a counting sort into two flat Int32Arrays (no per-cell arrays, no allocation
// after warm-up), then a query only looks at the 3×3 cells around the point.

const CELL = 24; // CSS px; larger than any marker's hit radius

export class HitGrid {
  private cols = 0;
  private rows = 0;
  private cellStart = new Int32Array(1);
  private items = new Int32Array(0);
  private cursor = new Int32Array(1);
  private cellOf = new Int32Array(0);
  private minX = 0;
  private minY = 0;

  /**
   * Buckets markers 0..count-1 whose `include` bit is set, at screen positions xs/ys, covering
   * the rectangle [minX, minX+width) × [minY, minY+height).
   */
  build(xs: Float32Array, ys: Float32Array, include: Uint8Array, count: number,
        minX: number, minY: number, width: number, height: number): void {
    this.minX = minX;
    this.minY = minY;
    this.cols = Math.max(1, Math.ceil(width / CELL));
    this.rows = Math.max(1, Math.ceil(height / CELL));
    const cells = this.cols * this.rows;
    if (this.cellStart.length < cells + 1) {
      this.cellStart = new Int32Array(cells + 1);
      this.cursor = new Int32Array(cells + 1);
    } else {
      this.cellStart.fill(0, 0, cells + 1);
    }
    if (this.cellOf.length < count) {
      this.cellOf = new Int32Array(Math.max(count, this.cellOf.length * 2));
      this.items = new Int32Array(this.cellOf.length);
    }
    // Pass 1: count per cell.
    for (let i = 0; i < count; i++) {
      const c = include[i] ? this.cellIndex(xs[i]!, ys[i]!) : -1;
      this.cellOf[i] = c;
      if (c >= 0) this.cellStart[c + 1]!++;
    }
    // Prefix sums turn counts into start offsets.
    for (let c = 0; c < cells; c++) this.cellStart[c + 1]! += this.cellStart[c]!;
    this.cursor.set(this.cellStart.subarray(0, cells));
    // Pass 2: place.
    for (let i = 0; i < count; i++) {
      const c = this.cellOf[i]!;
      if (c >= 0) this.items[this.cursor[c]!++] = i;
    }
  }

  /** Nearest included marker within `radius` px of (x, y), or -1. */
  nearest(xs: Float32Array, ys: Float32Array, x: number, y: number, radius: number): number {
    const cx = Math.floor((x - this.minX) / CELL);
    const cy = Math.floor((y - this.minY) / CELL);
    let best = -1;
    let bestD = radius * radius;
    for (let gy = cy - 1; gy <= cy + 1; gy++) {
      if (gy < 0 || gy >= this.rows) continue;
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        if (gx < 0 || gx >= this.cols) continue;
        const c = gy * this.cols + gx;
        for (let k = this.cellStart[c]!, end = this.cellStart[c + 1]!; k < end; k++) {
          const i = this.items[k]!;
          const dx = xs[i]! - x;
          const dy = ys[i]! - y;
          const d = dx * dx + dy * dy;
          if (d <= bestD) {
            bestD = d;
            best = i;
          }
        }
      }
    }
    return best;
  }

  private cellIndex(x: number, y: number): number {
    const gx = Math.floor((x - this.minX) / CELL);
    const gy = Math.floor((y - this.minY) / CELL);
    if (gx < 0 || gy < 0 || gx >= this.cols || gy >= this.rows) return -1;
    return gy * this.cols + gx;
  }
}
