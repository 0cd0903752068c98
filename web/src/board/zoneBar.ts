// The buffer bar of a board row: red, yellow and green segments in proportion to the zone sizes from 0 to top of
// green, filled up to the net-flow position (how far the buffer is penetrated), with markers at net flow and on hand.
// Geometry is pure and unit-tested; `renderZoneBar` only applies it to elements.
import type { BufferRow } from "../api/types";
import { h } from "../ui/dom";

export interface BarMarker {
  /** Position along the bar, 0..1 (clamped). */
  at: number;
  /** Where the value really is when it had to be clamped: below zero or above top of green. */
  clamped: "below" | "above" | null;
  /** value / top of green (e.g. 2.4 when 2.4× TOG); unclamped. */
  ratio: number;
}

export interface ZoneBarGeometry {
  /** Segment widths as fractions of the bar; they sum to 1. */
  widths: [red: number, yellow: number, green: number];
  /** How much of each segment lies under the net-flow position, 0..1 each. */
  filled: [red: number, yellow: number, green: number];
  netFlow: BarMarker;
  onHand: BarMarker;
  /** Either marker is above top of green: the bar shows an overflow tab. */
  overflow: boolean;
}

/** Null when the buffer has no size (no usage yet: top of green is 0), so there is nothing to draw. */
export function zoneBarGeometry(row: Pick<BufferRow, "topOfRed" | "topOfYellow" | "topOfGreen" | "netFlow" | "onHand">): ZoneBarGeometry | null {
  const tog = row.topOfGreen;
  if (!(tog > 0) || !Number.isFinite(tog)) return null;
  const redEnd = clamp01(row.topOfRed / tog);
  const yellowEnd = Math.max(redEnd, clamp01(row.topOfYellow / tog));
  const widths: [number, number, number] = [redEnd, yellowEnd - redEnd, 1 - yellowEnd];
  const netFlow = marker(row.netFlow, tog);
  const onHand = marker(row.onHand, tog);
  const starts = [0, redEnd, yellowEnd];
  const filled = widths.map((w, i) => (w > 0 ? clamp01((netFlow.at - starts[i]!) / w) : 0)) as [number, number, number];
  return { widths, filled, netFlow, onHand, overflow: netFlow.clamped === "above" || onHand.clamped === "above" };
}

function marker(value: number, tog: number): BarMarker {
  const ratio = value / tog;
  return { at: clamp01(ratio), clamped: ratio < 0 ? "below" : ratio > 1 ? "above" : null, ratio };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

const pct = (f: number) => `${(f * 100).toFixed(2)}%`;
const ZONE_CLASS = ["red", "yellow", "green"] as const;

/** The bar's elements, created once per row and updated in place. */
export class ZoneBar {
  readonly el: HTMLElement;
  private readonly segments: HTMLElement[];
  private readonly fills: HTMLElement[];
  private readonly nfpMark: HTMLElement;
  private readonly onHandMark: HTMLElement;
  private readonly overflowTab: HTMLElement;

  constructor() {
    this.fills = ZONE_CLASS.map(() => h("span", { class: "zb-fill" }));
    this.segments = ZONE_CLASS.map((z, i) => h("span", { class: `zb-seg zb-${z}` }, this.fills[i]!));
    this.nfpMark = h("span", { class: "zb-nfp" });
    this.onHandMark = h("span", { class: "zb-onhand" });
    this.overflowTab = h("span", { class: "zb-over", hidden: true }, "›");
    this.el = h("span", { class: "zone-bar", role: "img" },
      h("span", { class: "zb-track" }, ...this.segments, this.nfpMark, this.onHandMark), this.overflowTab);
  }

  update(row: BufferRow): void {
    const g = zoneBarGeometry(row);
    this.el.classList.toggle("zb-empty", g === null);
    if (!g) {
      this.el.setAttribute("aria-label", "Buffer not sized yet (no average daily usage)");
      this.el.title = "Buffer not sized yet (no average daily usage)";
      this.overflowTab.hidden = true;
      return;
    }
    g.widths.forEach((w, i) => {
      this.segments[i]!.style.width = pct(w);
      this.fills[i]!.style.width = pct(g.filled[i]!);
    });
    this.nfpMark.style.left = pct(g.netFlow.at);
    this.onHandMark.style.left = pct(g.onHand.at);
    this.nfpMark.classList.toggle("clamped", g.netFlow.clamped !== null);
    this.onHandMark.classList.toggle("clamped", g.onHand.clamped !== null);
    this.overflowTab.hidden = !g.overflow;
    const over = Math.max(g.netFlow.ratio, g.onHand.ratio);
    this.overflowTab.title = g.overflow ? `${over.toFixed(1)}× top of green` : "";
    const text = describeBar(row, g);
    this.el.setAttribute("aria-label", text);
    this.el.title = text;
  }
}

function describeBar(row: BufferRow, g: ZoneBarGeometry): string {
  const n = (v: number) => Math.round(v).toLocaleString("en-US");
  const where = (m: BarMarker) => (m.clamped === "above" ? ` (${m.ratio.toFixed(1)}× top of green)` : m.clamped === "below" ? " (below zero)" : "");
  return `Net flow ${n(row.netFlow)}${where(g.netFlow)} · on hand ${n(row.onHand)}${where(g.onHand)} · ` +
    `red to ${n(row.topOfRed)}, yellow to ${n(row.topOfYellow)}, green to ${n(row.topOfGreen)}`;
}
