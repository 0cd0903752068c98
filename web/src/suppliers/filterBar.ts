// The filter row above the site table: text search, country, status toggles (with how many sites
// are in each state) and "n of m sites". It only reports changes; the page owns the state and
// the URL.
import type { SiteStatus } from "../api/types";
import { h } from "../ui/dom";
import { formatNumber } from "../ui/format";
import type { SupplierFilters } from "./filters";
import { countryName } from "./siteParts";
import { SITE_STATUSES, STATUS_INFO, type StatusCounts } from "./siteStatus";

const SEARCH_DEBOUNCE_MS = 150;

export class FilterBar {
  readonly el: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly country: HTMLSelectElement;
  private readonly statusButtons = new Map<SiteStatus, { button: HTMLButtonElement; count: HTMLElement }>();
  private readonly shown: HTMLElement;
  private readonly clear: HTMLButtonElement;
  private countries: string[] = [];
  private filters: SupplierFilters;
  private debounce: number | undefined;

  constructor(initial: SupplierFilters, private readonly onChange: (filters: SupplierFilters) => void) {
    this.filters = initial;
    this.search = h("input", {
      type: "search", class: "sup-search", placeholder: "Search supplier, site, part, factory, note",
      "aria-label": "Search suppliers", value: initial.q, maxlength: 100,
    });
    this.search.value = initial.q;
    this.search.addEventListener("input", () => {
      clearTimeout(this.debounce);
      this.debounce = window.setTimeout(() => this.set({ q: this.search.value }), SEARCH_DEBOUNCE_MS);
    });
    this.country = h("select", { class: "sup-country", "aria-label": "Country" });
    this.country.addEventListener("change", () => this.set({ country: this.country.value || null }));

    const statusGroup = h("div", { class: "status-toggles", role: "group", "aria-label": "Status" });
    for (const s of SITE_STATUSES) {
      const count = h("span", { class: "toggle-count" }, "0");
      const button = h("button", { type: "button", class: `status-toggle site-${s}`, "aria-pressed": "false", "data-status": s,
        title: `Show only ${STATUS_INFO[s].label.toLowerCase()} sites (combine with others)` },
      h("span", { class: "toggle-dot", "aria-hidden": "true" }), STATUS_INFO[s].label, count);
      button.addEventListener("click", () => {
        const set = new Set(this.filters.statuses);
        if (set.has(s)) set.delete(s); else set.add(s);
        this.set({ statuses: SITE_STATUSES.filter((x) => set.has(x)) });
      });
      this.statusButtons.set(s, { button, count });
      statusGroup.append(button);
    }
    this.shown = h("span", { class: "sup-shown muted" });
    this.clear = h("button", { type: "button", class: "text-btn", hidden: true }, "Clear filters");
    this.clear.addEventListener("click", () => {
      this.search.value = "";
      this.set({ q: "", country: null, statuses: [] });
    });
    this.el = h("div", { class: "sup-filters" }, this.search, this.country, statusGroup, h("span", { class: "spacer" }), this.shown, this.clear);
    this.renderCountries();
    this.reflect();
  }

  /** Countries present in the data; a country chosen from the URL stays listed even if absent. */
  setCountries(countries: readonly string[]): void {
    const list = [...countries];
    if (this.filters.country && !list.includes(this.filters.country)) list.push(this.filters.country);
    list.sort();
    if (list.join() === this.countries.join()) return;
    this.countries = list;
    this.renderCountries();
  }

  setCounts(counts: StatusCounts, shown: number): void {
    for (const s of SITE_STATUSES) this.statusButtons.get(s)!.count.textContent = formatNumber(counts[s]);
    this.shown.textContent = shown === counts.total ? `${formatNumber(counts.total)} sites` : `${formatNumber(shown)} of ${formatNumber(counts.total)} sites`;
  }

  private set(change: Partial<SupplierFilters>): void {
    this.filters = { ...this.filters, ...change, q: (change.q ?? this.filters.q).trim() };
    this.reflect();
    this.onChange(this.filters);
  }

  private reflect(): void {
    for (const [s, { button }] of this.statusButtons) button.setAttribute("aria-pressed", String(this.filters.statuses.includes(s)));
    this.country.value = this.filters.country ?? "";
    this.clear.hidden = !this.filters.q && !this.filters.country && this.filters.statuses.length === 0;
  }

  private renderCountries(): void {
    this.country.replaceChildren(
      h("option", { value: "" }, "All countries"),
      ...this.countries.map((c) => h("option", { value: c }, `${countryName(c)} (${c})`)));
    this.country.value = this.filters.country ?? "";
  }
}
