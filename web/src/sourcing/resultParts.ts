// The per-part rows of a what-if over several parts (a factory, or a part across factories): each part's HHI,
// category, duty, sea lead time, DLT and top of green, before → after, changed parts first.
import type { PartResult, RebalanceResult } from "../api/sourcingTypes";
import { h, replaceChildren } from "../ui/dom";
import { categoryBadge } from "./category";
import { shareBar } from "./shareBar";
import { diff, formatHhi, formatLeadDays, formatQtyShort, formatUsdShort, type Diff } from "./sourcingFormat";

export class ResultParts {
  readonly el: HTMLElement;
  private readonly tbody: HTMLTableSectionElement;
  private readonly caption: HTMLElement;

  constructor() {
    this.tbody = h("tbody");
    this.caption = h("h3", { class: "wi-parts-title" });
    const th = (label: string, title: string | null = null, cls: string | null = null) => h("th", { scope: "col", title, class: cls }, label);
    this.el = h("section", { class: "wi-parts", hidden: true }, this.caption,
      h("div", { class: "wi-parts-scroll" },
        h("table", { class: "board-table wi-parts-table" },
          h("thead", null, h("tr", null, th("Factory"), th("Part"), th("Shares after", null, "shares"), th("HHI", "Before → after", "num"), th("Category", "Before → after"),
            th("Duty / yr", "Before → after", "num"), th("Sea lead", "Before → after", "num"), th("DLT", "Before → after", "num"),
            th("Top of green", "Before → after", "num"))),
          this.tbody)));
  }

  show(result: RebalanceResult): void {
    const parts = result.parts ?? [];
    this.el.hidden = parts.length <= 1;
    if (parts.length <= 1) return;
    const moved = (p: PartResult) => p.before.hhi !== p.after.hhi || p.before.dutyPerYearUsd !== p.after.dutyPerYearUsd;
    const rows = [...parts].sort((a, b) => Number(moved(b)) - Number(moved(a)) || a.factoryId.localeCompare(b.factoryId) || a.partNumber.localeCompare(b.partNumber));
    const changed = parts.filter(moved).length;
    this.caption.textContent = `Parts in scope: ${parts.length} (${changed} changed)`;
    replaceChildren(this.tbody, ...rows.map((p) => h("tr", { "data-factory": p.factoryId, "data-part": p.partNumber, class: moved(p) ? "wi-moved" : "wi-unmoved" },
      h("td", { class: "mono" }, p.factoryId),
      h("td", null, h("span", { class: "cell-main mono" }, p.partNumber), h("span", { class: "cell-sub mono" }, `HS ${p.hsCode}`)),
      h("td", { class: "shares" }, shareBar(p.after.shares)),
      pair(formatHhi(p.before.hhi), formatHhi(p.after.hhi), diff(p.before.hhi, p.after.hhi, true, 0.5)),
      h("td", { class: "wi-cat-pair" }, categoryBadge(p.before.category, p.before.categoryName, { short: true }), h("span", { class: "muted" }, " → "),
        categoryBadge(p.after.category, p.after.categoryName, { short: true })),
      pair(duty(p.before.dutyPerYearUsd, p.before.dutyPerYearMaxUsd), duty(p.after.dutyPerYearUsd, p.after.dutyPerYearMaxUsd),
        diff(p.before.dutyPerYearUsd, p.after.dutyPerYearUsd, true, 0.005)),
      pair(formatLeadDays(p.before.seaLeadDays), formatLeadDays(p.after.seaLeadDays), diff(p.before.seaLeadDays, p.after.seaLeadDays)),
      pair(formatLeadDays(p.before.dltDays), formatLeadDays(p.after.dltDays), diff(p.before.dltDays, p.after.dltDays)),
      pair(qty(p.before.zones.topOfGreen), qty(p.after.zones.topOfGreen), diff(p.before.zones.topOfGreen, p.after.zones.topOfGreen, true, 0.5)))));
  }

  hide(): void {
    this.el.hidden = true;
  }
}

function pair(before: string, after: string, d: Diff): HTMLElement {
  return h("td", { class: "num" }, h("span", { class: "cell-main" }, h("span", { class: "muted" }, before), " → ", h("span", { class: `tone-${d.tone}` }, after)));
}

/** A mixed HS6 carries a range of duty until its HTS8 line is known. */
function duty(min: number, max: number): string {
  return Math.abs(max - min) < 0.005 ? formatUsdShort(min) : `${formatUsdShort(min)}–${formatUsdShort(max)}`;
}

function qty(n: number): string {
  return formatQtyShort(n);
}
