// Shapes for the supply network's fixed points, shared by the operator map, the suppliers page's
// overview map and the legends (as SVG): supplier sites are hexagons coloured by their posted
// status, factories are "house" pentagons in the accent colour. Neither resembles a shipment
// marker (triangle, arrow, square) or a chokepoint (small diamond).
import { svg } from "../ui/dom";

type Shape = ReadonlyArray<readonly [number, number]>;

/** Unit polygons (radius 1, y down). */
export const SITE_SHAPE: Shape = Array.from({ length: 6 }, (_, i) => {
  const a = (Math.PI / 3) * i + Math.PI / 6; // pointy top
  return [Math.cos(a), Math.sin(a)] as const;
});
export const FACTORY_SHAPE: Shape = [[0, -1.05], [0.95, -0.25], [0.95, 0.9], [-0.95, 0.9], [-0.95, -0.25]];

export const FACTORY_COLOUR = "#4fd1c5";
const OUTLINE = "rgba(6, 12, 18, 0.95)";
const HALO = "rgba(235, 242, 250, 0.8)";

export function tracePolygon(ctx: CanvasRenderingContext2D | Path2D, shape: Shape, x: number, y: number, r: number): void {
  shape.forEach(([px, py], i) => {
    if (i === 0) ctx.moveTo(x + px * r, y + py * r);
    else ctx.lineTo(x + px * r, y + py * r);
  });
  ctx.closePath();
}

/** A glyph with a light halo and a dark rim, so it reads on land, sea and among markers. */
export function drawGlyph(ctx: CanvasRenderingContext2D, shape: Shape, x: number, y: number, r: number, fill: string): void {
  ctx.beginPath();
  tracePolygon(ctx, shape, x, y, r);
  ctx.lineWidth = 3;
  ctx.strokeStyle = HALO;
  ctx.stroke();
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = 1.2;
  ctx.strokeStyle = OUTLINE;
  ctx.stroke();
}

/** The same glyph as a small inline SVG, for legends. */
export function glyphIcon(shape: Shape, fill: string, size = 12): SVGSVGElement {
  const r = size / 2 - 1.5;
  const c = size / 2;
  const points = shape.map(([px, py]) => `${(c + px * r).toFixed(2)},${(c + py * r).toFixed(2)}`).join(" ");
  return svg("svg", { width: size, height: size, viewBox: `0 0 ${size} ${size}`, "aria-hidden": "true", class: "glyph-icon" },
    svg("polygon", { points, fill, stroke: OUTLINE, "stroke-width": 1 }));
}
