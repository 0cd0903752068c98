// The sourcing table of one factory: a row per part with its country shares as a stacked bar, concentration by country
// and by supplier, vulnerability category, Section 301 lists, duty per year and sea lead time. Click or Enter opens
// the part's detail.
import type { FactorySourcing, PartSourcingView } from "../api/sourcingTypes";
import { h, replaceChildren } from "../ui/dom";
import { categoryBadge, centralityLabel } from "./category";
import { shareBar } from "./shareBar";
import { formatDutyRange, formatHhi, formatLeadDays } from "./sourcingFormat";

export class PartsTable {
  readonly el: HTMLElement;
  private readonly tbody: HTMLTableSectionElement;
  private readonly categoryHead: HTMLElement;
  private readonly empty: HTMLElement;
  private rows = new Map<string, HTMLTableRowElement>();
  private parts: PartSourcingView[] = [];

  constructor(private readonly onOpen: (part: PartSourcingView) => void) {
    this.tbody = h("tbody");
    this.categoryHead = h("th", { scope: "col", title: "Vulnerability category: global export centrality of the HS6 (up) against this factory's own country concentration (right)" }, "Category");
    const th = (label: string, title: string | null, cls: string | null = null) => h("th", { scope: "col", title, class: cls }, label);
    const table = h("table", { class: "board-table src-table" },
      h("caption", { class: "visually-hidden" }, "Parts of the factory with their sourcing. Press Enter on a row for its detail."),
      h("thead", null, h("tr", null,
        th("Part", "Part number and HS code"),
        th("Country shares", "Share of the part's volume from each country"),
        th("HHI", "Concentration by country (Herfindahl–Hirschman, 0–10,000): under 1,500 unconcentrated, 1,500–2,500 moderate, above 2,500 high", "num"),
        th("Supplier HHI", "Concentration by supplier", "num"),
        this.categoryHead,
        th("Section 301", "US Section 301 lists the part's HS code is on (duty applies to Chinese origin only)"),
        th("Duty / yr", "Section 301 duty per year on the Chinese share (yearly quantity × unit value × rate)", "num"),
        th("Sea lead", "Share-weighted sea lead time from each country's gateway port to the factory's", "num"))),
      this.tbody);
    this.empty = h("p", { class: "board-empty", hidden: true });
    this.el = h("div", { class: "board-scroll src-scroll" }, table, this.empty);
    this.tbody.addEventListener("click", (e) => this.openFrom(e.target));
    this.tbody.addEventListener("keydown", (e) => {
      if ((e.key === "Enter" || e.key === " ") && e.target instanceof HTMLTableRowElement) {
        e.preventDefault();
        this.openFrom(e.target);
      }
    });
  }

  render(sourcing: FactorySourcing | null, selected: string | null, emptyText: string): void {
    this.parts = sourcing?.parts ?? [];
    this.rows.clear();
    replaceChildren(this.categoryHead, "Category ", sourcing ? centralityLabel(sourcing.centralitySource) : null);
    replaceChildren(this.tbody, ...this.parts.map((p) => {
      const tr = this.row(p);
      this.rows.set(p.partNumber, tr);
      return tr;
    }));
    this.empty.hidden = this.parts.length > 0;
    this.empty.textContent = emptyText;
    this.setSelected(selected);
  }

  setSelected(partNumber: string | null): void {
    for (const [part, tr] of this.rows) {
      if (part === partNumber) tr.setAttribute("aria-current", "true");
      else tr.removeAttribute("aria-current");
    }
  }

  private row(p: PartSourcingView): HTMLTableRowElement {
    const lists = p.section301Lists.length ? p.section301Lists.join(", ") : "none";
    return h("tr", { tabindex: 0, "data-part": p.partNumber, "data-category": p.category ?? "", "data-hhi": p.hhi, class: `reading-${p.reading}` },
      h("td", { class: "part" }, h("span", { class: "cell-main mono" }, p.partNumber), h("span", { class: "cell-sub mono" }, `HS ${p.hsCode}`)),
      h("td", { class: "shares" }, shareBar(p.countryShares, { labelled: true })),
      h("td", { class: "num" }, h("span", { class: "cell-main" }, formatHhi(p.hhi)), h("span", { class: `cell-sub reading reading-${p.reading}` }, p.countryShares.length ? p.reading : "no sources")),
      h("td", { class: "num" }, formatHhi(p.supplierHhi)),
      h("td", null, categoryBadge(p.category, p.categoryName)),
      h("td", { class: p.section301Lists.length ? "s301" : "s301 muted" }, lists),
      h("td", { class: "num" }, formatDutyRange(p.dutyPerYearUsd, p.dutyPerYearMaxUsd)),
      h("td", { class: "num" }, formatLeadDays(p.countryShares.length ? p.seaLeadDays : null)));
  }

  private openFrom(target: EventTarget | null): void {
    const tr = (target as Element | null)?.closest?.("tr[data-part]") as HTMLElement | null;
    const part = tr ? this.parts.find((p) => p.partNumber === tr.dataset.part) : undefined;
    if (part) this.onOpen(part);
  }
}
