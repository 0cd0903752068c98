// The manager board's TTS-versus-TTR panel: for each part an active disruption reaches, two bars on one day scale —
// how long the factory survives (TTS) against how long the disruption lasts (TTR) — and the units it costs when TTS
// is the shorter. "At risk only" hides parts that outlast their disruption.
import { formatNumber } from "../ui/format";
import { h } from "../ui/dom";
import type { BufferRow } from "../api/types";
import { barShare, dayScale, riskLines, type RiskLine } from "./riskRows";

export class RiskView {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly onlyAtRisk: HTMLInputElement;
  private last: BufferRow[] = [];
  /** What was drawn: the board re-renders on every delta, this view only when its own lines change. */
  private drawn = "";

  constructor(private readonly openRow: (factoryId: string, partNumber: string) => void) {
    this.onlyAtRisk = h("input", { type: "checkbox", id: "risk-at-risk-only", "data-testid": "risk-at-risk-only" });
    this.onlyAtRisk.addEventListener("change", () => this.render(this.last));
    this.summary = h("span", { class: "muted small" });
    this.body = h("div", { class: "risk-body" });
    this.el = h("section", { class: "risk-view", "aria-labelledby": "risk-title", "data-testid": "risk-view" },
      h("div", { class: "risk-head" },
        h("h2", { id: "risk-title" }, "Disruptions: time to survive vs time to recover"),
        this.summary,
        h("label", { class: "risk-filter" }, this.onlyAtRisk, " at risk only")),
      this.body);
  }

  render(rows: BufferRow[]): void {
    this.last = rows;
    const all = riskLines(rows, false);
    const lines = this.onlyAtRisk.checked ? all.filter((l) => l.atRisk) : all;
    const signature = `${this.onlyAtRisk.checked}|${JSON.stringify(all)}`;
    if (signature === this.drawn) return;
    this.drawn = signature;
    const atRisk = all.filter((l) => l.atRisk).length;
    this.el.dataset.lines = String(lines.length);
    this.summary.textContent = all.length === 0 ? "" : `${all.length} part${all.length === 1 ? "" : "s"} affected · ${atRisk} at risk`;
    if (all.length === 0) {
      this.body.replaceChildren(h("p", { class: "muted small" }, "No part is reached by an active disruption."));
      return;
    }
    if (lines.length === 0) {
      this.body.replaceChildren(h("p", { class: "muted small" }, "No part runs out before its disruption ends."));
      return;
    }
    const scale = dayScale(lines);
    this.body.replaceChildren(
      h("div", { class: "risk-row risk-legend", "aria-hidden": "true" },
        h("span", null, "Part · factory"),
        h("span", { class: "risk-scale" }, h("span", null, "0 d"), h("span", null, `${scale / 2} d`), h("span", null, `${scale} d`)),
        h("span", { class: "num" }, "Units at risk")),
      ...lines.map((l) => this.line(l, scale)));
  }

  private line(l: RiskLine, scale: number): HTMLElement {
    const tts = bar("tts", l.ttsDays, scale, `TTS ${days(l.ttsDays, "∞")}`);
    const ttr = bar("ttr", l.ttrDays, scale, `TTR ${days(l.ttrDays, "open")}`);
    const row = h("button", {
      type: "button", class: `risk-row${l.atRisk ? " at-risk" : ""}`, "data-testid": "risk-row", "data-key": l.key,
      "data-impact": String(l.impactUnits), title: `${l.title}${l.disruptions > 1 ? ` (+${l.disruptions - 1} more)` : ""}`,
    },
      h("span", { class: "risk-part" }, h("strong", null, l.partNumber), h("span", { class: "muted" }, ` · ${l.factoryName || l.factoryId}`),
        h("span", { class: "risk-cause muted small" }, l.title)),
      h("span", { class: "risk-bars" }, tts, ttr),
      h("span", { class: `num risk-units${l.impactUnits > 0 ? " text-late" : ""}` }, formatNumber(Math.round(l.impactUnits))));
    row.addEventListener("click", () => this.openRow(l.factoryId, l.partNumber));
    return row;
  }
}

function bar(kind: "tts" | "ttr", value: number | null, scale: number, label: string): HTMLElement {
  const fill = h("span", { class: `risk-fill risk-${kind}${value === null ? " open-ended" : ""}` });
  fill.style.width = `${(barShare(value, scale) * 100).toFixed(1)}%`;
  return h("span", { class: "risk-track", "aria-label": label }, fill, h("span", { class: "risk-label" }, label));
}

function days(value: number | null, none: string): string {
  if (value === null) return none;
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} d`;
}
