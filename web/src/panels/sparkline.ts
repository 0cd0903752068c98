// Inline SVG temperature sparkline with the reefer's allowed band shaded, readings outside the
// band marked red. Built with DOM calls only (no markup strings).
import type { Reefer } from "../api/types";
import { svg } from "../ui/dom";
import { parseTime } from "../ui/format";

const W = 300;
const H = 72;
const PAD = 4;

export function temperatureSparkline(history: ReadonlyArray<{ at: string; c: number }>, reefer: Reefer | null): SVGSVGElement {
  const points = history
    .map((r) => ({ t: parseTime(r.at), c: r.c }))
    .filter((p): p is { t: number; c: number } => p.t !== null && Number.isFinite(p.c));
  const el = svg("svg", { class: "sparkline", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img" });
  if (points.length === 0) return el;

  const minC = Math.min(...points.map((p) => p.c));
  const maxC = Math.max(...points.map((p) => p.c));
  let lo = minC;
  let hi = maxC;
  if (reefer) {
    lo = Math.min(lo, reefer.minC);
    hi = Math.max(hi, reefer.maxC);
  }
  const span = Math.max(hi - lo, 1);
  lo -= span * 0.12;
  hi += span * 0.12;
  const t0 = points[0]!.t;
  const t1 = points[points.length - 1]!.t;
  const x = (t: number) => (t1 === t0 ? W / 2 : PAD + ((t - t0) / (t1 - t0)) * (W - 2 * PAD));
  const y = (c: number) => PAD + (1 - (c - lo) / (hi - lo)) * (H - 2 * PAD);

  if (reefer) {
    el.append(svg("rect", { class: "spark-band", x: 0, y: y(reefer.maxC), width: W, height: Math.max(1, y(reefer.minC) - y(reefer.maxC)) }));
    for (const limit of [reefer.minC, reefer.maxC]) {
      el.append(svg("line", { class: "spark-limit", x1: 0, x2: W, y1: y(limit), y2: y(limit) }));
    }
  }
  el.append(svg("polyline", { class: "spark-line", points: points.map((p) => `${x(p.t).toFixed(1)},${y(p.c).toFixed(1)}`).join(" ") }));
  for (const p of points) {
    const out = reefer !== null && (p.c < reefer.minC || p.c > reefer.maxC);
    if (out) el.append(svg("circle", { class: "spark-out", cx: x(p.t), cy: y(p.c), r: 2.2 }));
  }
  const last = points[points.length - 1]!;
  el.append(svg("circle", { class: "spark-last", cx: x(last.t), cy: y(last.c), r: 2.6 }));

  const outCount = reefer ? points.filter((p) => p.c < reefer.minC || p.c > reefer.maxC).length : 0;
  el.setAttribute("aria-label",
    `Temperature, last ${points.length} readings, from ${minC.toFixed(1)} to ${maxC.toFixed(1)} °C` +
      (reefer ? `; allowed ${reefer.minC} to ${reefer.maxC} °C; ${outCount} outside` : ""));
  return el;
}
