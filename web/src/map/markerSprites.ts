// Pre-rendered marker shapes. Every (colour category × mode × heading step) is drawn once into an
// atlas canvas; each frame then stamps markers with drawImage from that one atlas, which browsers
// batch far better than thousands of tiny filled paths (and which stays cheap even when canvas
// falls back to software rendering).
import { MarkerMode } from "../api/types";
import { CATEGORY_COUNT, CATEGORY_INFO } from "../state/categories";
import { HEADING_STEPS } from "../state/markerStore";

const MODES = 3;
const OUTLINE = "rgba(6, 10, 16, 0.75)";

export class SpriteAtlas {
  /** What drawImage reads from: the canvas at first, an ImageBitmap as soon as it is ready. */
  image: CanvasImageSource;
  private readonly canvas: HTMLCanvasElement;
  /** Side of one sprite cell in device pixels, and in CSS pixels. */
  readonly cellPx: number;
  readonly cellCss: number;

  /** `size` is the marker half-size in CSS px; `dpr` the device pixel ratio. */
  constructor(readonly size: number, readonly dpr: number) {
    this.cellCss = Math.ceil(size * 4 + 4);
    this.cellPx = Math.ceil(this.cellCss * dpr);
    this.canvas = document.createElement("canvas");
    this.canvas.width = this.cellPx * HEADING_STEPS;
    this.canvas.height = this.cellPx * CATEGORY_COUNT * MODES;
    const ctx = this.canvas.getContext("2d")!;
    ctx.lineJoin = "round";
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      for (let m = 0; m < MODES; m++) {
        for (let hStep = 0; hStep < HEADING_STEPS; hStep++) {
          if (m === MarkerMode.Truck && hStep > 0) break; // trucks are not oriented
          const cx = (hStep + 0.5) * this.cellPx;
          const cy = ((c * MODES + m) + 0.5) * this.cellPx;
          ctx.setTransform(dpr, 0, 0, dpr, cx, cy);
          ctx.beginPath();
          shape(ctx, m, (hStep * 360) / HEADING_STEPS, size);
          ctx.fillStyle = CATEGORY_INFO[c]!.colour;
          ctx.fill();
          ctx.lineWidth = 0.9;
          ctx.strokeStyle = OUTLINE;
          ctx.stroke();
        }
      }
    }
    this.image = this.canvas;
    // Browsers draw from an ImageBitmap without re-snapshotting a canvas on every drawImage.
    createImageBitmap(this.canvas).then(
      (bitmap) => (this.image = bitmap),
      () => {}, // keep drawing from the canvas
    );
  }

  /** Source x of a sprite in the atlas (device px). */
  sourceX(mode: number, headingStep: number): number {
    return (mode === MarkerMode.Truck ? 0 : headingStep) * this.cellPx;
  }

  sourceY(category: number, mode: number): number {
    return (category * MODES + mode) * this.cellPx;
  }
}

/** Draws one marker shape centred on (0, 0); heading in degrees clockwise from north. */
function shape(ctx: CanvasRenderingContext2D, mode: number, headingDeg: number, s: number): void {
  if (mode === MarkerMode.Truck) {
    // Trucks: small squares (road heading is noisy and adds nothing at map scale).
    const h = s * 0.8;
    ctx.rect(-h, -h, 2 * h, 2 * h);
    return;
  }
  const rad = (headingDeg * Math.PI) / 180;
  const dx = Math.sin(rad);
  const dy = -Math.cos(rad); // screen y points down
  if (mode === MarkerMode.Air) {
    // Aircraft: a swept arrowhead with a notch, wider than the ship triangle.
    ctx.moveTo(dx * 1.7 * s, dy * 1.7 * s);
    ctx.lineTo(-dx * 1.1 * s - dy * 1.2 * s, -dy * 1.1 * s + dx * 1.2 * s);
    ctx.lineTo(-dx * 0.35 * s, -dy * 0.35 * s);
    ctx.lineTo(-dx * 1.1 * s + dy * 1.2 * s, -dy * 1.1 * s - dx * 1.2 * s);
    ctx.closePath();
    return;
  }
  // Ships: a slender triangle pointing along the heading.
  ctx.moveTo(dx * 1.6 * s, dy * 1.6 * s);
  ctx.lineTo(-dx * 1.1 * s - dy * 0.85 * s, -dy * 1.1 * s + dx * 0.85 * s);
  ctx.lineTo(-dx * 1.1 * s + dy * 0.85 * s, -dy * 1.1 * s - dx * 0.85 * s);
  ctx.closePath();
}
