// The sourcing view of one factory: its totals (value-weighted HHI with its reading, Section 301 duty per year, parts
// with known sources), the colour legend of the countries, the parts table and the open part's detail.
import type { FactorySourcing, PartSourcingView } from "../api/sourcingTypes";
import { h, replaceChildren } from "../ui/dom";
import { centralityLabel } from "./category";
import { PartDetail } from "./partDetail";
import { PartsTable } from "./partsTable";
import { legendCountries, shareLegend } from "./shareBar";
import { formatHhi, formatUsd } from "./sourcingFormat";

export interface SourcingViewEvents {
  onOpenPart(partNumber: string | null): void;
  onWhatIf(part: PartSourcingView): void;
}

export class SourcingView {
  readonly el: HTMLElement;
  private readonly totals: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly table: PartsTable;
  private readonly detail: PartDetail;
  private readonly body: HTMLElement;
  private sourcing: FactorySourcing | null = null;

  constructor(events: SourcingViewEvents) {
    this.totals = h("div", { class: "src-totals", role: "group", "aria-label": "Factory totals" });
    this.legend = h("div", { class: "src-legend" });
    this.table = new PartsTable((part) => events.onOpenPart(part.partNumber));
    this.detail = new PartDetail(() => events.onOpenPart(null), (part) => events.onWhatIf(part));
    this.body = h("div", { class: "board-body src-body" }, this.table.el, this.detail.el);
    this.el = h("section", { class: "src-view", "aria-label": "Sourcing" }, h("div", { class: "src-head" }, this.totals, this.legend), this.body);
  }

  /** Shows a factory's sourcing (null while loading: `emptyText` says why) with `openPart` in the side panel. */
  show(sourcing: FactorySourcing | null, openPart: string | null, emptyText: string): void {
    const changed = sourcing !== this.sourcing;
    this.sourcing = sourcing;
    if (changed) {
      this.table.render(sourcing, openPart, emptyText);
      this.renderTotals(sourcing);
    }
    const part = sourcing?.parts.find((p) => p.partNumber === openPart) ?? null;
    this.table.setSelected(part?.partNumber ?? null);
    if (part && sourcing) {
      this.detail.show(part, sourcing);
      this.body.classList.add("drill-open");
    } else {
      this.detail.hide();
      this.body.classList.remove("drill-open");
    }
  }

  private renderTotals(s: FactorySourcing | null): void {
    if (!s) {
      this.totals.replaceChildren();
      this.legend.replaceChildren();
      return;
    }
    const sourced = s.parts.filter((p) => p.countryShares.length > 0).length;
    const card = (label: string, value: string, sub: string | HTMLElement, attrs: Record<string, string> = {}) =>
      h("div", { class: "count src-total", ...attrs }, h("span", { class: "count-label" }, label), h("span", { class: "count-value" }, value), h("span", { class: "cell-sub" }, sub));
    replaceChildren(this.totals,
      card("Concentration (HHI)", formatHhi(s.hhi), `${s.reading} · value-weighted`, { "data-total": "hhi", class: `count src-total reading-${s.reading}` }),
      card("Section 301 duty / yr", formatUsd(s.dutyPerYearUsd), `on the Chinese share, ${s.date}`, { "data-total": "duty" }),
      card("Parts", `${sourced} of ${s.parts.length}`, "with known sources", { "data-total": "parts" }),
      h("div", { class: "src-sources small muted" }, h("div", null, "Categories: ", centralityLabel(s.centralitySource)), h("div", null, `Tariffs: ${s.tariffSource}`)));
    replaceChildren(this.legend, shareLegend(legendCountries(s.parts.map((p) => p.countryShares))));
  }
}
