// The filter row above the table: factory, zone, country of supply, and a search on part number / HS code, with
// how many buffers are shown. It only reports what the user picked; the page owns the filter state and the URL.
import type { BufferZone } from "../api/types";
import { h } from "../ui/dom";
import { formatNumber } from "../ui/format";
import { ZONES, type BoardFilters } from "./boardFilters";
import { ZONE_LABEL } from "./boardFormat";

const SEARCH_DEBOUNCE_MS = 150;

export class FilterBar {
  readonly el: HTMLElement;
  private readonly factory: HTMLSelectElement;
  private readonly zone: HTMLSelectElement;
  private readonly country: HTMLSelectElement;
  private readonly search: HTMLInputElement;
  private readonly clear: HTMLButtonElement;
  private readonly summary: HTMLElement;
  private searchTimer: number | undefined;
  private factoryOptions = "";
  private countryOptions = "";

  constructor(onChange: (patch: Partial<BoardFilters>) => void) {
    this.factory = h("select", { id: "f-factory" }, h("option", { value: "" }, "All factories"));
    this.zone = h("select", { id: "f-zone" }, h("option", { value: "" }, "All zones"),
      ...ZONES.map((z) => h("option", { value: z }, ZONE_LABEL[z])));
    this.country = h("select", { id: "f-country" }, h("option", { value: "" }, "All countries"));
    this.search = h("input", { id: "f-search", type: "search", placeholder: "Part or HS code", autocomplete: "off", spellcheck: "false", maxlength: 100 });
    this.clear = h("button", { type: "button", class: "btn-quiet" }, "Clear filters");
    this.summary = h("p", { id: "board-summary", class: "board-summary", "aria-live": "polite" });

    this.factory.addEventListener("change", () => onChange({ factory: this.factory.value || null }));
    this.zone.addEventListener("change", () => onChange({ zone: (this.zone.value || null) as BufferZone | null }));
    this.country.addEventListener("change", () => onChange({ country: this.country.value || null }));
    this.search.addEventListener("input", () => {
      window.clearTimeout(this.searchTimer);
      this.searchTimer = window.setTimeout(() => onChange({ query: this.search.value }), SEARCH_DEBOUNCE_MS);
    });
    this.search.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && this.search.value) {
        e.stopPropagation(); // clears the search rather than closing the drill-down
        this.search.value = "";
        onChange({ query: "" });
      }
    });
    this.clear.addEventListener("click", () => {
      this.search.value = "";
      onChange({ factory: null, zone: null, country: null, query: "" });
    });

    this.el = h("div", { class: "board-filters", role: "search", "aria-label": "Filter buffers" },
      field("Factory", this.factory), field("Zone", this.zone), field("Supplied from", this.country),
      field("Search", this.search), this.clear, this.summary);
  }

  /** The choices offered; a filter value not (or no longer) on the board stays selectable so the URL is honoured. */
  setOptions(factories: ReadonlyArray<{ id: string; name: string }>, countries: readonly string[], current: BoardFilters): void {
    const f = [...factories];
    if (current.factory && !f.some((x) => x.id === current.factory)) f.push({ id: current.factory, name: current.factory });
    const fKey = JSON.stringify(f);
    if (fKey !== this.factoryOptions) {
      this.factoryOptions = fKey;
      this.factory.replaceChildren(h("option", { value: "" }, "All factories"),
        ...f.map((x) => h("option", { value: x.id }, x.name === x.id ? x.id : `${x.name} (${x.id})`)));
    }
    const c = current.country && !countries.includes(current.country) ? [...countries, current.country] : [...countries];
    const cKey = c.join(",");
    if (cKey !== this.countryOptions) {
      this.countryOptions = cKey;
      this.country.replaceChildren(h("option", { value: "" }, "All countries"), ...c.map((x) => h("option", { value: x }, countryName(x))));
    }
    this.show(current);
  }

  show(f: BoardFilters): void {
    this.factory.value = f.factory ?? "";
    this.zone.value = f.zone ?? "";
    this.country.value = f.country ?? "";
    if (document.activeElement !== this.search) this.search.value = f.query;
    this.clear.disabled = !f.factory && !f.zone && !f.country && !f.query;
  }

  setSummary(shown: number, total: number): void {
    this.summary.textContent = shown === total
      ? `${formatNumber(total)} buffers · most urgent first`
      : `${formatNumber(shown)} of ${formatNumber(total)} buffers · most urgent first`;
  }
}

function field(label: string, control: HTMLElement): HTMLElement {
  return h("label", { class: "filter-field", for: control.id }, h("span", { class: "filter-label" }, label), control);
}

const regionNames = typeof Intl !== "undefined" && "DisplayNames" in Intl
  ? new Intl.DisplayNames(["en"], { type: "region" }) : null;

/** "CN — China"; the code alone if the browser has no names. */
function countryName(code: string): string {
  try {
    const name = regionNames?.of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  } catch {
    return code;
  }
}
