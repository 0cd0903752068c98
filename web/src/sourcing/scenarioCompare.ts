// Two saved what-ifs side by side: their scope and moves, then the totals after each (HHI, duty, sea lead time, top
// of green, categories, country shares) with the change from its own before. The better of the two is marked where
// lower is better.
import type { SavedScenario } from "../api/sourcingTypes";
import { h, replaceChildren } from "../ui/dom";
import { centralityLabel } from "./category";
import { categoryCounts } from "./resultModel";
import { movesText, scopeText } from "./scenarioText";
import { shareBar } from "./shareBar";
import { diff, formatDiff, formatDutyRange, formatHhi, formatLeadDays } from "./sourcingFormat";

export class ScenarioCompare {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;

  constructor() {
    this.body = h("div", { class: "wi-compare-body" });
    this.el = h("section", { class: "wi-compare", "aria-label": "Compare saved what-ifs" }, h("h3", null, "Compare"), this.body);
  }

  show(picked: readonly SavedScenario[]): void {
    if (picked.length < 2) {
      replaceChildren(this.body, h("p", { class: "muted small" },
        picked.length === 0 ? "Tick two saved what-ifs to compare them side by side." : "Tick one more saved what-if to compare."));
      return;
    }
    const [a, b] = picked as [SavedScenario, SavedScenario];
    type Row = [label: string | HTMLElement, cell: (s: SavedScenario) => HTMLElement | string, value?: (s: SavedScenario) => number];
    const rows: Row[] = [
      ["Scope", (s) => scopeText(s.request)],
      ["Moves", (s) => movesText(s.request.moves)],
      ["HHI after", (s) => withChange(formatHhi(s.result.after.hhi), formatDiff(diff(s.result.before.hhi, s.result.after.hhi, true, 0.5), "hhi")), (s) => s.result.after.hhi],
      ["Reading after", (s) => s.result.after.reading],
      ["Duty / yr after", (s) => withChange(formatDutyRange(s.result.after.dutyPerYearUsd, s.result.after.dutyPerYearMaxUsd),
        formatDiff(diff(s.result.before.dutyPerYearUsd, s.result.after.dutyPerYearUsd, true, 0.005), "usd")), (s) => s.result.after.dutyPerYearUsd],
      ["Sea lead after", (s) => withChange(formatLeadDays(s.result.after.seaLeadDays), formatDiff(diff(s.result.before.seaLeadDays, s.result.after.seaLeadDays), "days")), (s) => s.result.after.seaLeadDays],
      ["Top of green after", (s) => withChange(Math.round(s.result.after.topOfGreenSum).toLocaleString("en-US"),
        formatDiff(diff(s.result.before.topOfGreenSum, s.result.after.topOfGreenSum, true, 0.5), "qty"))],
      [h("span", null, "Categories after ", centralityLabel(a.result.centralitySource)), (s) => categoryCounts(s.result.after.partsByCategory)
        .map((c) => `${c.count} in ${c.key === "unknown" ? "no category" : `category ${c.key}`}`).join(" · ") || "—"],
      ["Shares after", (s) => shareBar(s.result.after.countryShares, { labelled: true })],
    ];
    const head = h("tr", null, h("th", { scope: "col" }, ""), ...[a, b].map((s) => h("th", { scope: "col", "data-scenario": s.id }, s.name)));
    const body = rows.map(([label, cell, value]) => {
      const better = value ? winner(value(a), value(b)) : null;
      return h("tr", null, h("th", { scope: "row" }, label),
        ...[a, b].map((s, i) => h("td", { class: better === i ? "wi-better" : null, title: better === i ? "Lower of the two" : null }, cell(s))));
    });
    replaceChildren(this.body, h("table", { class: "wi-compare-table" }, h("thead", null, head), h("tbody", null, ...body)));
  }
}

function withChange(value: string, change: string): HTMLElement {
  return h("span", null, h("strong", null, value), h("span", { class: "cell-sub" }, change));
}

/** Index of the lower value, or null when they are equal. */
function winner(a: number, b: number): number | null {
  if (Math.abs(a - b) < 1e-9) return null;
  return a < b ? 0 : 1;
}
