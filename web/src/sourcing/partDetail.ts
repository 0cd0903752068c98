// One part's sourcing in the side panel: its shares as a labelled bar with the figures per country and supplier,
// its concentration and category, and its Section 301 tariff lines from GET /api/tariffs/section301 (what it carries
// from China on today's date, and the yearly duty if all of it came from China). "What-if for this part" opens the
// editor on it.
import { api } from "../api/http";
import type { FactorySourcing, PartSourcingView, Section301Answer } from "../api/sourcingTypes";
import { h, replaceChildren } from "../ui/dom";
import { categoryBadge, centralityLabel } from "./category";
import { countryColour, countryName } from "./countries";
import { shareBar } from "./shareBar";
import { formatDutyRange, formatHhi, formatLeadDays, formatShare, formatUsd } from "./sourcingFormat";

export class PartDetail {
  readonly el: HTMLElement;
  private readonly title: HTMLElement;
  private readonly body: HTMLElement;
  private readonly tariff: HTMLElement;
  private inFlight: AbortController | null = null;
  private shown: string | null = null;

  constructor(private readonly onClose: () => void, private readonly onWhatIf: (part: PartSourcingView) => void) {
    this.title = h("h2", { id: "src-detail-title" });
    const close = h("button", { type: "button", class: "icon-btn", "aria-label": "Close (Escape)", title: "Close (Esc)" }, "×");
    close.addEventListener("click", () => this.onClose());
    this.body = h("div");
    this.tariff = h("section", { class: "detail-section src-tariff" });
    this.el = h("aside", { class: "board-drill src-detail", "aria-labelledby": "src-detail-title", hidden: true },
      h("div", { class: "panel-head" }, this.title, close), h("div", { class: "detail-body" }, this.body, this.tariff));
  }

  get partNumber(): string | null {
    return this.shown;
  }

  show(part: PartSourcingView, sourcing: FactorySourcing): void {
    const changedPart = this.shown !== part.partNumber;
    this.shown = part.partNumber;
    this.el.hidden = false;
    this.title.textContent = part.partNumber;
    const whatIf = h("button", { type: "button", class: "btn-primary src-whatif-btn", disabled: part.countryShares.length === 0 }, "What-if for this part");
    whatIf.addEventListener("click", () => this.onWhatIf(part));
    replaceChildren(this.body,
      h("p", { class: "drill-sub" }, `HS ${part.hsCode} · ${sourcing.factoryId}`),
      shareBar(part.countryShares, { labelled: true, className: "share-bar-large" }),
      countryTable(part),
      whatIf,
      h("dl", { class: "kv drill-kv" },
        h("dt", null, "HHI by country"), h("dd", null, `${formatHhi(part.hhi)} · ${part.reading}`),
        h("dt", null, "HHI by supplier"), h("dd", null, formatHhi(part.supplierHhi)),
        h("dt", null, "Export HHI of HS6"), h("dd", null, formatHhi(part.exportHhi), " ", centralityLabel(sourcing.centralitySource)),
        h("dt", null, "Category"), h("dd", null, categoryBadge(part.category, part.categoryName), part.categoryName ? h("span", { class: "cell-sub" }, part.categoryName) : null),
        h("dt", null, "Yearly quantity"), h("dd", null, Math.round(part.annualQuantity).toLocaleString("en-US")),
        h("dt", null, "Unit value"), h("dd", null, part.unitValueUsd ? formatUsd(part.unitValueUsd) : "not set"),
        h("dt", null, "Section 301 duty / yr"), h("dd", null, formatDutyRange(part.dutyPerYearUsd, part.dutyPerYearMaxUsd)),
        h("dt", null, "Sea lead time"), h("dd", null, formatLeadDays(part.countryShares.length ? part.seaLeadDays : null))),
      suppliers(part));
    if (changedPart) void this.loadTariff(part);
  }

  hide(): void {
    this.shown = null;
    this.inFlight?.abort();
    this.el.hidden = true;
  }

  private async loadTariff(part: PartSourcingView): Promise<void> {
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    replaceChildren(this.tariff, heading("Section 301 tariff lines"), h("p", { class: "muted small" }, "Loading…"));
    const valued = (part.unitValueUsd ?? 0) > 0;
    try {
      const answer = await api.section301(part.hsCode, valued ? { origin: "CN", annualQuantity: part.annualQuantity, unitValueUsd: part.unitValueUsd! } : { origin: "CN" }, controller.signal);
      if (this.shown !== part.partNumber) return;
      replaceChildren(this.tariff, heading("Section 301 tariff lines"), ...tariffLines(answer, part));
    } catch (e) {
      if (controller.signal.aborted) return;
      replaceChildren(this.tariff, heading("Section 301 tariff lines"), h("p", { class: "muted small" }, `Tariff look-up failed (${(e as Error).message}).`));
    }
  }
}

function heading(text: string): HTMLElement {
  return h("h3", null, text);
}

function countryTable(part: PartSourcingView): HTMLElement {
  if (part.countryShares.length === 0) return h("p", { class: "muted small" }, "No known sources: register supplier sites for this part or set its shares.");
  return h("ul", { class: "src-countries" }, ...part.countryShares.map((s) => {
    const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
    swatch.style.background = countryColour(s.country);
    return h("li", null, swatch, h("span", null, `${countryName(s.country)} (${s.country})`), h("span", { class: "mono" }, formatShare(s.sharePct)));
  }));
}

function suppliers(part: PartSourcingView): HTMLElement | null {
  const entries = Object.entries(part.supplierShares).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return h("section", { class: "detail-section" }, heading("Suppliers"),
    h("ul", { class: "src-countries" }, ...entries.map(([id, pct]) => h("li", null, h("span", { class: "mono" }, id), h("span", { class: "mono" }, formatShare(pct))))));
}

function tariffLines(a: Section301Answer, part: PartSourcingView): HTMLElement[] {
  const cn = part.countryShares.find((s) => s.country === "CN")?.sharePct ?? 0;
  const rate = a.mixed && a.range && a.range.minPct !== a.range.maxPct ? `${a.range.minPct}–${a.range.maxPct} %` : `${a.additionalDutyPct} %`;
  const out: HTMLElement[] = [
    h("dl", { class: "kv drill-kv" },
      h("dt", null, "Code"), h("dd", { class: "mono" }, `${a.hts} (${a.lines} HTS8 ${a.lines === 1 ? "line" : "lines"})`),
      h("dt", null, "Lists of the code"), h("dd", null, a.listsOfCode.length ? a.listsOfCode.join(", ") : "none"),
      h("dt", null, `From China on ${a.date}`), h("dd", null, a.lists.length ? `${a.lists.join(", ")} · ${rate} additional duty` : "no Section 301 duty"),
      a.dutyPerYear ? h("dt", null, "If all came from China") : null,
      a.dutyPerYear ? h("dd", null, `${formatDutyRange(a.dutyPerYear.minUsd, a.dutyPerYear.maxUsd)} a year on ${formatUsd(a.dutyPerYear.valueUsd)}`) : null),
  ];
  if (a.mixed) {
    const spread = a.range && a.range.minPct !== a.range.maxPct;
    out.push(h("p", { class: "small src-note" }, spread
      ? "Mixed HS6: its HTS8 lines fall in different lists at different rates, so the duty is a range until the HTS8 line is known."
      : "Mixed HS6: its HTS8 lines fall in different lists, at the same rate on this date."));
  }
  out.push(h("p", { class: "small muted src-note" },
    `Only Chinese origin carries Section 301 duty; China supplies ${formatShare(cn)} of this part. Source: ${a.source}.`));
  return out;
}
