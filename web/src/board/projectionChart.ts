// The drill-down chart: projected on hand for the next 90 days over the buffer's red, yellow and green bands, with
// the stock-out day, the days out of stock and the inbound arrivals marked. Stock cannot go below zero, so the line
// stops at zero and the days without stock are shaded instead of drawing the growing shortfall (which would
// squash the zones into a sliver). `chartModel` is the pure geometry (unit-tested); `renderChart`
// turns it into SVG elements (no markup strings).
import type { BufferRow, InboundLine, ProjectionPoint } from "../api/types";
import { svg } from "../ui/dom";
import { dayNumber, dayOfInstant, formatDay } from "./boardDates";
import { formatCompact, formatQty } from "./boardFormat";

export const CHART = { width: 420, height: 214, left: 8, right: 64, top: 12, bottom: 30 } as const;

export interface ChartArrival {
  x: number;
  shipmentId: string;
  quantity: number;
  date: string;
}

export interface ChartModel {
  /** SVG path of projected on hand ("M x y L x y …"). */
  path: string;
  bands: Array<{ zone: "red" | "yellow" | "green"; y: number; height: number }>;
  /** Runs of days projected at or below zero, as x ranges. */
  outages: Array<{ x1: number; x2: number }>;
  zeroY: number;
  stockout: { x: number; date: string } | null;
  arrivals: ChartArrival[];
  xTicks: Array<{ x: number; label: string }>;
  yTicks: Array<{ y: number; label: string }>;
}

type ZoneTops = Pick<BufferRow, "topOfRed" | "topOfYellow" | "topOfGreen">;

export function chartModel(points: readonly ProjectionPoint[], row: ZoneTops, stockout: string | null,
  inbound: readonly InboundLine[], today: string): ChartModel | null {
  if (points.length < 2) return null;
  const first = dayNumber(points[0]!.date);
  if (first === null) return null;
  const lastIndex = points.length - 1;
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const values = points.map((p) => p.onHand);
  const yMax = Math.max(row.topOfGreen, ...values, 1) * 1.06;
  const yMin = 0;
  const x = (dayIndex: number) => CHART.left + (dayIndex / lastIndex) * plotW;
  const y = (v: number) => CHART.top + (1 - (v - yMin) / (yMax - yMin)) * plotH;
  const round = (n: number) => Math.round(n * 10) / 10;

  const path = values.map((v, i) => `${i === 0 ? "M" : "L"}${round(x(i))} ${round(y(Math.max(0, v)))}`).join(" ");
  const band = (zone: "red" | "yellow" | "green", from: number, to: number) =>
    ({ zone, y: round(y(to)), height: round(Math.max(0, y(from) - y(to))) });
  const bands = [band("red", 0, row.topOfRed), band("yellow", row.topOfRed, row.topOfYellow), band("green", row.topOfYellow, row.topOfGreen)];
  const zeroY = round(y(0));
  // Each day covers half a day either side of its point, so a one-day outage still shows.
  const halfDay = plotW / lastIndex / 2;
  const outages: Array<{ x1: number; x2: number }> = [];
  for (let i = 0; i <= lastIndex; i++) {
    if (values[i]! > 0) continue;
    let j = i;
    while (j < lastIndex && values[j + 1]! <= 0) j++;
    outages.push({ x1: round(Math.max(CHART.left, x(i) - halfDay)), x2: round(Math.min(CHART.left + plotW, x(j) + halfDay)) });
    i = j;
  }

  const indexOf = (date: string | null): number | null => {
    const n = dayNumber(date);
    return n === null ? null : n - first;
  };
  const stockoutIndex = indexOf(stockout);
  const stockoutMark = stockoutIndex !== null && stockoutIndex >= 0 && stockoutIndex <= lastIndex
    ? { x: round(x(stockoutIndex)), date: stockout! } : null;

  // An overdue arrival counts as arriving today (the projection does the same): it is late, not lost.
  const todayIndex = Math.max(0, indexOf(today) ?? 0);
  const arrivals: ChartArrival[] = [];
  for (const line of inbound) {
    const date = dayOfInstant(line.eta);
    const i = indexOf(date);
    if (i === null || i > lastIndex) continue;
    const at = Math.max(todayIndex, i);
    arrivals.push({ x: round(x(at)), shipmentId: line.shipmentId, quantity: line.quantity, date: date! });
  }

  const xTicks = [0, 30, 60, 90].filter((d) => d <= lastIndex)
    .map((d) => ({ x: round(x(d)), label: d === 0 ? "today" : formatDay(points[d]!.date, today) }));
  const yTicks = spreadLabels([
    { v: row.topOfRed, label: `TOR ${formatCompact(row.topOfRed)}` },
    { v: row.topOfYellow, label: `TOY ${formatCompact(row.topOfYellow)}` },
    { v: row.topOfGreen, label: `TOG ${formatCompact(row.topOfGreen)}` },
  ].filter((t) => t.v > 0).map((t) => ({ y: round(y(t.v)), label: t.label })), LABEL_GAP, CHART.top);

  return { path, bands, outages, zeroY, stockout: stockoutMark, arrivals, xTicks, yTicks };
}

/** Minimum vertical distance between the zone-top labels, in chart units (their font is 10). */
export const LABEL_GAP = 11;

/**
 * Moves labels (sorted top to bottom by y) apart so none are closer than `gap`: a thin zone would otherwise print
 * TOY over TOG. Labels move up; if that pushes one above `minY`, the stack moves down from there instead.
 */
export function spreadLabels<T extends { y: number }>(labels: readonly T[], gap: number, minY: number): T[] {
  const out = [...labels].sort((a, b) => b.y - a.y).map((l) => ({ ...l })); // bottom first
  for (let i = 1; i < out.length; i++) out[i]!.y = Math.min(out[i]!.y, out[i - 1]!.y - gap);
  const top = out[out.length - 1];
  if (top && top.y < minY) {
    top.y = minY;
    for (let i = out.length - 2; i >= 0; i--) out[i]!.y = Math.max(out[i]!.y, out[i + 1]!.y + gap);
  }
  return out.reverse();
}

export function renderChart(model: ChartModel, title: string): SVGSVGElement {
  const { width, height, left, right, top, bottom } = CHART;
  const plotRight = width - right;
  const root = svg("svg", { class: "proj-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": title },
    svg("title", null, title));
  for (const b of model.bands) {
    root.append(svg("rect", { class: `proj-band proj-${b.zone}`, x: left, y: b.y, width: plotRight - left, height: b.height }));
  }
  // Days out of stock: a strip just under the zero line, where it cannot muddy the zone bands.
  for (const o of model.outages) {
    root.append(svg("rect", { class: "proj-outage", x: o.x1, y: model.zeroY + 1.5, width: Math.max(1, o.x2 - o.x1), height: 4 },
      svg("title", null, "Projected out of stock")));
  }
  root.append(svg("line", { class: "proj-zero", x1: left, x2: plotRight, y1: model.zeroY, y2: model.zeroY }));
  for (const t of model.yTicks) {
    root.append(svg("text", { class: "proj-ylabel", x: plotRight + 4, y: t.y + 3 }, t.label));
  }
  for (const t of model.xTicks) {
    root.append(
      svg("line", { class: "proj-grid", x1: t.x, x2: t.x, y1: top, y2: height - bottom }),
      svg("text", { class: "proj-xlabel", x: t.x, y: height - bottom + 18, "text-anchor": t.x <= left + 1 ? "start" : t.x >= plotRight - 1 ? "end" : "middle" }, t.label));
  }
  for (const a of model.arrivals) {
    const base = height - bottom;
    root.append(svg("path", { class: "proj-arrival", d: `M${a.x} ${base - 9} L${a.x - 4.5} ${base} L${a.x + 4.5} ${base} Z` },
      svg("title", null, `${a.shipmentId}: ${formatQty(a.quantity)} due ${formatDay(a.date)}`)));
  }
  root.append(svg("path", { class: "proj-line", d: model.path }));
  if (model.stockout) {
    const s = model.stockout;
    const anchorEnd = s.x > left + (plotRight - left) * 0.7;
    root.append(
      svg("line", { class: "proj-stockout", x1: s.x, x2: s.x, y1: top, y2: height - bottom }),
      svg("text", { class: "proj-stockout-label", x: anchorEnd ? s.x - 4 : s.x + 4, y: top + 10, "text-anchor": anchorEnd ? "end" : "start" },
        `Stock-out ${formatDay(s.date)}`));
  }
  return root;
}
