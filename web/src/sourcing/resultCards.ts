// Before and after, side by side: concentration, category, Section 301 duty per year, sea lead time and DLT, buffer
// zone sizes (one red/yellow/green bar per side, both to one scale) and the country shares. The after card carries
// each difference, green when it is good news (lower), amber when not. Each card exposes its figures as data
// attributes for the browser test.
import type { RebalanceResult } from "../api/sourcingTypes";
import { h, replaceChildren } from "../ui/dom";
import { categoryBadge, centralityLabel, CATEGORY_SHORT, quadrantMarker } from "./category";
import { categoryCounts, resultFigures, zoneWidths, type SideFigures } from "./resultModel";
import { shareBar } from "./shareBar";
import { formatDiff, formatDutyRange, formatHhi, formatLeadDays, formatQtyShort, type Diff } from "./sourcingFormat";

export class ResultCards {
  readonly el: HTMLElement;
  private readonly before: HTMLElement;
  private readonly after: HTMLElement;
  private readonly note: HTMLElement;

  constructor() {
    this.before = h("article", { class: "wi-card wi-before", "aria-label": "Before" });
    this.after = h("article", { class: "wi-card wi-after", "aria-label": "After" });
    this.note = h("p", { class: "wi-cards-note muted small" });
    this.el = h("section", { class: "wi-cards-wrap", "aria-label": "Before and after" }, h("div", { class: "wi-cards" }, this.before, this.after), this.note);
  }

  show(result: RebalanceResult): void {
    const f = resultFigures(result);
    const scale = Math.max(f.before.zones ? sum(f.before.zones) : 0, f.after.zones ? sum(f.after.zones) : 0);
    fill(this.before, "Before", f.before, null, scale, result.centralitySource, f.partCount);
    fill(this.after, "After", f.after, f.diffs, scale, result.centralitySource, f.partCount);
    const unsourced = result.unsourced?.length ?? 0;
    this.note.textContent = `${f.partCount} ${f.partCount === 1 ? "part" : "parts"} on ${result.date}` +
      (unsourced ? ` · ${unsourced} without known sources left out` : "") +
      ` · HHI and sea lead time weighted by yearly value · tariffs: ${result.tariffSource}`;
  }

  clear(text: string): void {
    replaceChildren(this.before, h("h3", null, "Before"), h("p", { class: "muted" }, text));
    replaceChildren(this.after, h("h3", null, "After"), h("p", { class: "muted" }, text));
    for (const card of [this.before, this.after]) for (const k of Object.keys(card.dataset)) delete card.dataset[k];
    this.note.textContent = "";
  }
}

type Diffs = ReturnType<typeof resultFigures>["diffs"];

function fill(card: HTMLElement, title: string, s: SideFigures, d: Diffs | null, scale: number, centralitySource: string, partCount: number): void {
  card.dataset.hhi = String(s.hhi);
  card.dataset.duty = String(s.dutyPerYearUsd);
  card.dataset.lead = String(s.seaLeadDays);
  if (s.dltDays !== null) card.dataset.dlt = String(Math.round(s.dltDays * 10) / 10);
  if (s.category) card.dataset.category = String(s.category.number ?? "");
  // The before card keeps an empty line where the after card shows a difference, so the two cards' rows line up.
  const change = (x: Diff | null | undefined, unit: "usd" | "hhi" | "days" | "qty", prefix = ""): Change => (d ? (x ? { d: x, unit, prefix } : null) : "pad");
  replaceChildren(card,
    h("h3", null, title),
    figure("Concentration (HHI)", h("span", null, h("strong", { class: "wi-big", "data-figure": "hhi" }, formatHhi(s.hhi)), " ", h("span", { class: `reading reading-${s.reading}` }, s.reading)), change(d?.hhi, "hhi")),
    figure(h("span", null, "Category ", centralityLabel(centralitySource)), category(s, partCount), null),
    figure("Section 301 duty / yr", h("strong", { class: "wi-big", "data-figure": "duty" }, formatDutyRange(s.dutyPerYearUsd, s.dutyPerYearMaxUsd)), change(d?.duty, "usd")),
    figure("Sea lead time", h("strong", { "data-figure": "lead" }, formatLeadDays(s.seaLeadDays)), change(d?.seaLead, "days")),
    s.dltDays !== null ? figure(partCount === 1 ? "Decoupled lead time" : `DLT (mean of ${partCount} parts)`, h("strong", { "data-figure": "dlt" }, formatLeadDays(s.dltDays)), change(d?.dlt, "days")) : null,
    figure(partCount === 1 ? "Buffer zones" : "Buffer zones (sum)", zones(s, scale), change(d?.topOfGreen, "qty", "top of green ")),
    figure("Country shares", h("div", null, shareBar(s.countryShares, { labelled: true })), null),
    s.exposure ? figure("Exposed to open disruptions", exposure(s), null) : null);
  if (s.exposure) card.dataset.exposed = String(s.exposure.exposedSharePct);
}

/** The share of value on lanes an open disruption touches, and which ones (by the countries whose lanes they touch). */
function exposure(s: SideFigures): HTMLElement {
  const e = s.exposure!;
  if (e.disruptions.length === 0) return h("span", { class: "muted", "data-figure": "exposed" }, "none of the open disruptions");
  return h("div", null,
    h("strong", { "data-figure": "exposed", class: e.exposedSharePct > 0 ? "wi-exposed" : "" }, `${Math.round(e.exposedSharePct)} % of value`),
    h("ul", { class: "wi-exposure" }, ...e.disruptions.map((d) => h("li", null, d.title, h("span", { class: "cell-sub" }, ` ${d.type} · ${d.countries.join(", ")}`)))));
}

type Change = { d: Diff; unit: "usd" | "hhi" | "days" | "qty"; prefix: string } | "pad" | null;

function figure(label: string | HTMLElement, value: HTMLElement, change: Change): HTMLElement {
  return h("div", { class: "wi-fig" },
    h("div", { class: "wi-fig-label" }, label),
    h("div", { class: "wi-fig-value" }, value),
    change === "pad" ? h("div", { class: "wi-diff", "aria-hidden": "true" }, "\u00a0")
    : change ? h("div", { class: `wi-diff tone-${change.d.tone}`, "data-tone": change.d.tone }, `${change.prefix}${formatDiff(change.d, change.unit)}`) : null);
}

function category(s: SideFigures, partCount: number): HTMLElement {
  if (s.category) return h("div", null, categoryBadge(s.category.number, s.category.name), s.category.name ? h("span", { class: "cell-sub" }, s.category.name) : null);
  if (partCount === 0) return h("span", { class: "muted" }, "—");
  return h("ul", { class: "wi-cat-counts" }, ...categoryCounts(s.categories).map(({ key, count }) => {
    const n = Number(key);
    return h("li", { title: Number.isFinite(n) ? `Category ${key}: ${CATEGORY_SHORT[n] ?? ""}` : "HS6 not in the export-concentration table" },
      quadrantMarker(Number.isFinite(n) ? n : null, 14),
      h("span", null, `${count} ${count === 1 ? "part" : "parts"} ${Number.isFinite(n) ? `in category ${key}` : "without a category"}`));
  }));
}

function zones(s: SideFigures, scale: number): HTMLElement {
  if (!s.zones) return h("span", { class: "muted" }, `top of green ${formatQtyShort(s.topOfGreenSum)}`);
  const [r, y, g] = zoneWidths(s.zones, scale);
  const seg = (cls: string, w: number, v: number, name: string) => {
    const el = h("span", { class: `wz-seg ${cls}`, title: `${name}: ${formatQtyShort(v)}` });
    el.style.width = `${(w * 100).toFixed(2)}%`;
    return el;
  };
  const text = `red ${formatQtyShort(s.zones.red)} · yellow ${formatQtyShort(s.zones.yellow)} · green ${formatQtyShort(s.zones.green)}`;
  return h("div", null,
    h("span", { class: "wz-bar", role: "img", "aria-label": `Zones: ${text}` }, seg("wz-red", r, s.zones.red, "Red"), seg("wz-yellow", y, s.zones.yellow, "Yellow"), seg("wz-green", g, s.zones.green, "Green")),
    h("span", { class: "cell-sub" }, text));
}

function sum(z: { red: number; yellow: number; green: number }): number {
  return z.red + z.yellow + z.green;
}
