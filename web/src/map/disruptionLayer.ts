// Disruptions on the operator map, drawn into the base layer's offscreen canvas like the supply network: zones
// (hazard, security) as translucent areas, closed chokepoints as a red ring with an X, closed or congested ports
// and site outages as rings, plus the draft circle of the "declare disruption" dialog. Few shapes that change
// rarely, so they cost nothing per frame.
import type { DisruptionView } from "../api/disruptionTypes";
import { circleGeoJson, zoneGeoJson } from "../disruptions/zoneShape";
import { toPath2D } from "./geoPath2d";
import type { BaseOverlay } from "./basemap";
import type { Viewport } from "./overscan";
import { unitX, unitY } from "./projection";

interface Style {
  fill: string;
  stroke: string;
}

const STYLES: Record<string, Style> = {
  "chokepoint-closure": { fill: "rgba(255, 77, 94, 0.16)", stroke: "#ff4d5e" },
  "port-closure": { fill: "rgba(255, 77, 94, 0.16)", stroke: "#ff4d5e" },
  "port-congestion": { fill: "rgba(242, 169, 59, 0.16)", stroke: "#f2a93b" },
  "customs-hold": { fill: "rgba(242, 169, 59, 0.16)", stroke: "#f2a93b" },
  "natural-hazard": { fill: "rgba(255, 128, 48, 0.20)", stroke: "#ff8030" },
  "security-zone": { fill: "rgba(181, 123, 255, 0.18)", stroke: "#b57bff" },
  "supplier-site-outage": { fill: "rgba(255, 77, 94, 0.16)", stroke: "#ff4d5e" },
};
const DRAFT: Style = { fill: "rgba(79, 209, 197, 0.15)", stroke: "#4fd1c5" };

export function styleOf(type: string): Style {
  return STYLES[type] ?? STYLES["natural-hazard"]!;
}

interface Shape {
  id: string;
  type: string;
  area: Path2D | null;
  x: number | null; // unit Mercator of its point
  y: number | null;
}

export class DisruptionLayer implements BaseOverlay {
  /** Highlighted (the feed's open item): drawn with a thicker outline. */
  focusedId: string | null = null;
  private shapes: Shape[] = [];
  private draft: { area: Path2D; x: number; y: number } | null = null;

  constructor(private readonly changed: () => void) {}

  /** Active disruptions only: a resolved one leaves the map. */
  set(disruptions: readonly DisruptionView[]): void {
    this.shapes = disruptions.filter((d) => d.status === "active").map((d) => {
      const geo = zoneGeoJson(d.zone);
      const p = d.point ?? d.zone?.center ?? null;
      return {
        id: d.id,
        type: d.type,
        area: geo ? toPath2D(geo) : null,
        x: p ? unitX(p.lon) : null,
        y: p ? unitY(p.lat) : null,
      };
    });
    this.changed();
  }

  /** The circle being placed in the declare dialog (null clears it). */
  setDraft(center: { lat: number; lon: number } | null, radiusKm: number): void {
    this.draft = center && radiusKm > 0
      ? { area: toPath2D(circleGeoJson(center.lon, center.lat, radiusKm)), x: unitX(center.lon), y: unitY(center.lat) }
      : null;
    this.changed();
  }

  setFocused(id: string | null): void {
    this.focusedId = id;
    this.changed();
  }

  draw(ctx: CanvasRenderingContext2D, view: Viewport, firstCopy: number, lastCopy: number): void {
    const w = view.worldPx;
    const dpr = view.dpr;
    const wDevice = Math.round(w * dpr);
    // Areas in unit coordinates, once per world copy (as basemap.ts draws land).
    for (let k = firstCopy; k <= lastCopy; k++) {
      ctx.setTransform(wDevice, 0, 0, wDevice, Math.round(dpr * view.originX) + k * wDevice, dpr * view.originY);
      const px = 1 / w;
      for (const s of this.shapes) {
        if (!s.area) continue;
        const style = styleOf(s.type);
        ctx.fillStyle = style.fill;
        ctx.fill(s.area);
        ctx.strokeStyle = style.stroke;
        ctx.lineWidth = (s.id === this.focusedId ? 2.5 : 1.2) * px;
        ctx.stroke(s.area);
      }
      if (this.draft) {
        ctx.fillStyle = DRAFT.fill;
        ctx.fill(this.draft.area);
        ctx.setLineDash([5 * px, 4 * px]);
        ctx.strokeStyle = DRAFT.stroke;
        ctx.lineWidth = 1.5 * px;
        ctx.stroke(this.draft.area);
        ctx.setLineDash([]);
      }
    }
    // Point symbols in CSS pixels.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    for (let k = firstCopy; k <= lastCopy; k++) {
      const ox = view.originX + k * w;
      for (const s of this.shapes) {
        if (s.x === null || s.y === null || s.area) continue;
        const x = ox + s.x * w;
        const y = view.originY + s.y * w;
        if (x < -20 || x > view.width + 20 || y < -20 || y > view.height + 20) continue;
        drawPointMark(ctx, s.type, x, y, s.id === this.focusedId);
      }
    }
  }
}

/** A ring; closures add an X (a chokepoint's X sits on its diamond label). */
function drawPointMark(ctx: CanvasRenderingContext2D, type: string, x: number, y: number, focused: boolean): void {
  const style = styleOf(type);
  const r = focused ? 11 : 9;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = style.fill;
  ctx.fill();
  ctx.lineWidth = focused ? 3 : 2;
  ctx.strokeStyle = style.stroke;
  ctx.stroke();
  if (type === "chokepoint-closure" || type === "port-closure" || type === "supplier-site-outage") {
    const a = r * 0.55;
    ctx.beginPath();
    ctx.moveTo(x - a, y - a);
    ctx.lineTo(x + a, y + a);
    ctx.moveTo(x + a, y - a);
    ctx.lineTo(x - a, y + a);
    ctx.lineWidth = 2;
    ctx.stroke();
  }
}
