// The site table: one row per supplier site, worst first, already filtered by the page. Rows are
// kept per site key and moved rather than rebuilt wholesale, so a row that a live delta changed
// can flash in place and keyboard focus survives a re-sort.
import type { Factory } from "../api/types";
import { h, replaceChildren } from "../ui/dom";
import { formatTime } from "../ui/format";
import { formatSince, formatUntil } from "./relativeTime";
import { capacityBar, countryName, partsList, statusPill } from "./siteParts";
import type { SiteRow } from "./siteRows";

const COLUMNS: ReadonlyArray<[label: string, className: string]> = [
  ["Status", "col-status"], ["Supplier", "col-supplier"], ["Site", "col-site"], ["Country", "col-country"], ["Capacity", "col-cap"],
  ["Expected recovery", "col-recovery"], ["Note", "col-note"], ["Last update", "col-updated"], ["Parts → factories", "col-parts"],
];

export class SiteTable {
  readonly el: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly empty: HTMLElement;
  private readonly rows = new Map<string, HTMLTableRowElement>();

  constructor(private readonly onSelect: (key: string) => void) {
    this.body = h("tbody");
    this.empty = h("p", { class: "sup-empty muted", hidden: true });
    this.el = h("div", { class: "sup-table-wrap" },
      h("table", { class: "sup-table" },
        h("thead", null, h("tr", null, ...COLUMNS.map(([label, cls]) => h("th", { scope: "col", class: cls }, label)))),
        this.body),
      this.empty);
    this.body.addEventListener("click", (e) => {
      const tr = (e.target as Element).closest("tr");
      // Let links and text selection inside a row behave normally.
      if (tr?.dataset.site && !(e.target as Element).closest("a") && !window.getSelection()?.toString()) this.onSelect(tr.dataset.site);
    });
    this.body.addEventListener("keydown", (e) => {
      const tr = (e.target as Element).closest("tr");
      if (tr?.dataset.site && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        this.onSelect(tr.dataset.site);
      }
    });
  }

  /**
   * Shows `rows` in this order. `flash` holds keys that a live update just changed; `emptyText`
   * explains an empty list (no suppliers yet, or nothing matches the filters).
   */
  render(rows: readonly SiteRow[], factories: ReadonlyMap<string, Factory>, selected: string | null,
         flash: ReadonlySet<string>, nowMs: number, emptyText: string): void {
    const keep = new Set(rows.map((r) => r.key));
    for (const [key, tr] of this.rows) {
      if (!keep.has(key)) {
        tr.remove();
        this.rows.delete(key);
      }
    }
    rows.forEach((row, index) => {
      let tr = this.rows.get(row.key);
      if (!tr) {
        tr = h("tr", { tabindex: 0, "data-site": row.key });
        this.rows.set(row.key, tr);
      }
      fillRow(tr, row, factories, nowMs);
      tr.classList.toggle("selected", row.key === selected);
      tr.setAttribute("aria-selected", String(row.key === selected));
      // Move only rows that are out of place: moving a focused row would drop its focus.
      if (this.body.children[index] !== tr) this.body.insertBefore(tr, this.body.children[index] ?? null);
      if (flash.has(row.key)) flashRow(tr);
    });
    this.empty.hidden = rows.length > 0;
    this.empty.textContent = emptyText;
  }

  scrollIntoView(key: string): void {
    this.rows.get(key)?.scrollIntoView({ block: "nearest" });
  }
}

function fillRow(tr: HTMLTableRowElement, row: SiteRow, factories: ReadonlyMap<string, Factory>, nowMs: number): void {
  const { supplier, site } = row;
  tr.dataset.status = site.status;
  const recovery = site.expectedRecovery;
  replaceChildren(tr,
    h("td", { class: "col-status" }, statusPill(site.status)),
    h("td", { class: "col-supplier" },
      h("div", { class: "cell-main" }, supplier.name),
      h("div", { class: "cell-sub" }, supplier.id)),
    h("td", { class: "col-site" },
      h("div", { class: "cell-main" }, site.name),
      h("div", { class: "cell-sub" }, site.locode ?? `${site.lat.toFixed(2)}, ${site.lon.toFixed(2)}`)),
    h("td", { class: "col-country", title: site.country !== supplier.country ? `Supplier based in ${countryName(supplier.country)}` : null },
      countryName(site.country)),
    h("td", { class: "col-cap" }, capacityBar(site.status, site.capacityPct)),
    h("td", { class: "col-recovery" }, ...(recovery
      ? [h("div", { class: "cell-main" }, formatTime(recovery)), h("div", { class: "cell-sub" }, formatUntil(recovery, nowMs))]
      : [h("span", { class: "muted" }, "—")])),
    h("td", { class: "col-note", title: site.note ?? null }, site.note ? h("span", { class: "note" }, site.note) : h("span", { class: "muted" }, "—")),
    h("td", { class: "col-updated", title: site.updatedAt ? formatTime(site.updatedAt) : "No status posted yet" },
      formatSince(site.updatedAt, nowMs)),
    h("td", { class: "col-parts" }, partsList(site.parts, factories)));
}

function flashRow(tr: HTMLElement): void {
  tr.classList.remove("flash");
  void tr.offsetWidth; // restart the animation if it is still running
  tr.classList.add("flash");
  tr.addEventListener("animationend", () => tr.classList.remove("flash"), { once: true });
}
