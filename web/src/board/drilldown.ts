// The drill-down side panel for one buffer: its figures, the 90-day projection chart over the zone bands, the
// inbound shipments (each a link to the map) and the supplying sites. Figures follow the live row at once; the
// projection is re-fetched when the row's version (updatedAt) changes, at most every PROJECTION_REFRESH_MS.
import { api, HttpError } from "../api/http";
import type { BufferDetail, BufferRow, InboundLine, SupplySite } from "../api/types";
import { h, replaceChildren } from "../ui/dom";
import { formatTime, parseTime } from "../ui/format";
import { daysBetween, formatDay } from "./boardDates";
import type { OpenBuffer } from "./boardFilters";
import { formatAdu, formatDays, formatDaysAway, formatPct, formatQty, SUPPLY_LABEL, ZONE_LABEL } from "./boardFormat";
import { rowKey } from "./boardRows";
import { chartModel, renderChart } from "./projectionChart";
import { stockoutUrgency } from "./rowChanges";
import { Throttle } from "./throttle";

const PROJECTION_REFRESH_MS = 2_000;

export class Drilldown {
  readonly el: HTMLElement;
  private readonly title: HTMLElement;
  private readonly subtitle: HTMLElement;
  private readonly figures: HTMLElement;
  private readonly chart: HTMLElement;
  private readonly inbound: HTMLElement;
  private readonly supply: HTMLElement;
  private readonly body: HTMLElement;
  private readonly closeButton: HTMLButtonElement;
  private open: OpenBuffer | null = null;
  private row: BufferRow | null = null;
  private detail: BufferDetail | null = null;
  private fetchedVersion: string | null = null;
  private wantedVersion: string | null = null;
  private inFlight: AbortController | null = null;
  private readonly refetch = new Throttle(() => void this.fetchProjection(), PROJECTION_REFRESH_MS);

  constructor(private readonly onClose: () => void, private readonly today: () => string) {
    this.title = h("h2", { id: "drill-title" });
    this.subtitle = h("p", { class: "drill-sub" });
    this.closeButton = h("button", { type: "button", class: "icon-btn", "aria-label": "Close (Escape)", title: "Close (Esc)" }, "×");
    this.closeButton.addEventListener("click", () => this.onClose());
    this.figures = h("div", { class: "drill-figures" });
    this.chart = h("section", { class: "detail-section drill-chart" });
    this.inbound = h("section", { class: "detail-section" });
    this.supply = h("section", { class: "detail-section" });
    this.body = h("div", { class: "detail-body" }, this.subtitle, this.figures, this.chart, this.inbound, this.supply);
    this.el = h("aside", { class: "board-drill", "aria-labelledby": "drill-title", hidden: true },
      h("div", { class: "panel-head" }, this.title, this.closeButton), this.body);
  }

  get current(): OpenBuffer | null {
    return this.open;
  }

  isShowing(row: Pick<BufferRow, "factoryId" | "partNumber">): boolean {
    return !!this.open && rowKey(this.open) === rowKey(row);
  }

  /** Opens a buffer; `row` is its live row when the board already has it. */
  show(open: OpenBuffer, row: BufferRow | undefined): void {
    const same = this.open && rowKey(this.open) === rowKey(open);
    this.open = open;
    this.el.hidden = false;
    if (!same) {
      this.row = null;
      this.detail = null;
      this.fetchedVersion = null;
      this.wantedVersion = null;
      this.refetch.cancel();
      this.inFlight?.abort();
      this.title.textContent = open.partNumber;
      this.subtitle.textContent = open.factoryId;
      replaceChildren(this.figures, h("p", { class: "muted" }, "Loading…"));
      replaceChildren(this.chart, heading("Projected on hand · 90 days"), h("p", { class: "muted small" }, "Loading projection…"));
      this.inbound.replaceChildren();
      this.supply.replaceChildren();
      void this.fetchProjection();
    }
    if (row) this.update(row);
  }

  focusClose(): void {
    this.closeButton.focus();
  }

  hide(): void {
    this.open = null;
    this.row = null;
    this.detail = null;
    this.refetch.cancel();
    this.inFlight?.abort();
    this.el.hidden = true;
  }

  /** The board's row for the open buffer changed (or the day rolled over). */
  update(row: BufferRow): void {
    if (!this.isShowing(row)) return;
    this.row = row;
    this.renderFigures(row);
    this.renderInbound(row.inbound ?? []);
    this.renderSupply(row.supply);
    this.wantedVersion = row.updatedAt;
    if (this.fetchedVersion !== null && this.fetchedVersion !== row.updatedAt) this.refetch.schedule();
  }

  private async fetchProjection(): Promise<void> {
    const open = this.open;
    if (!open) return;
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      const detail = await api.bufferDetail(open.factoryId, open.partNumber, controller.signal);
      if (this.open !== open) return;
      this.detail = detail;
      this.fetchedVersion = detail.buffer.updatedAt;
      // The first answer fills the figures when the board has no row for this buffer (a link opened too early).
      if (!this.row) this.update(detail.buffer);
      this.renderChart(detail);
      // The row moved on while we were fetching: once more, after the throttle interval.
      if (this.wantedVersion && this.wantedVersion !== this.fetchedVersion) this.refetch.schedule();
    } catch (err) {
      if (controller.signal.aborted || this.open !== open) return;
      const message = err instanceof HttpError && err.status === 404
        ? "This buffer does not exist (any more)."
        : "Projection unavailable right now; it is fetched again when the buffer changes.";
      if (!this.detail) replaceChildren(this.chart, heading("Projected on hand · 90 days"), h("p", { class: "muted small" }, message));
      if (!this.row) replaceChildren(this.figures, h("p", { class: "muted" }, message));
      this.fetchedVersion = "failed";
      console.debug("[board] projection unavailable", open, err);
    } finally {
      if (this.inFlight === controller) this.inFlight = null;
    }
  }

  private renderFigures(row: BufferRow): void {
    const today = this.today();
    this.title.textContent = row.partNumber;
    this.subtitle.textContent = `${row.factoryName || row.factoryId} (${row.factoryId})${row.hsCode ? ` · HS ${row.hsCode}` : ""}`;
    const urgency = stockoutUrgency(row, today);
    const away = formatDaysAway(daysBetween(today, row.projectedStockout));
    const status = row.supplyStatus ?? null;
    replaceChildren(this.figures,
      h("div", { class: "drill-status" },
        h("span", { class: `zone-badge zone-badge-${row.zone}` }, `${ZONE_LABEL[row.zone] ?? row.zone} zone`),
        h("span", { class: "muted" }, `priority ${formatPct(row.planningPriorityPct)}`),
        status && status !== "operating" ? h("span", { class: `supply-badge supply-${status}` }, `Supply ${SUPPLY_LABEL[status].toLowerCase()}`) : null,
        row.demo ? h("span", { class: "demo-label" }, "Demo data") : null),
      kv([
        ["Net flow position", h("span", { title: "On hand + on order − qualified demand" }, formatQty(row.netFlow))],
        ["On hand", formatQty(row.onHand)],
        ["On order", formatQty(row.onOrder)],
        ["Qualified demand", formatQty(row.qualifiedDemand)],
        ["Average daily usage", `${formatAdu(row.adu)} / day${row.aduSource === "usage" ? " (from recorded usage)" : " (planning parameter)"}`],
        ["Days of cover", formatDays(row.daysOfCover)],
        ["Projected stock-out", h("span", { class: `stockout-${urgency}` },
          row.projectedStockout ? `${formatDay(row.projectedStockout, today)}${away ? ` (${away})` : ""}` : "none within 90 days")],
        ["Suggested order", row.suggestedOrderQty > 0 ? formatQty(row.suggestedOrderQty) : "none (net flow above top of yellow)"],
        ["Zone sizes (R / Y / G)", `${formatQty(row.red)} / ${formatQty(row.yellow)} / ${formatQty(row.green)}`],
        ["Top of red / yellow / green", `${formatQty(row.topOfRed)} / ${formatQty(row.topOfYellow)} / ${formatQty(row.topOfGreen)}`],
        ["Updated", formatTime(row.updatedAt)],
      ]));
  }

  private renderChart(detail: BufferDetail): void {
    const b = detail.buffer;
    const model = chartModel(detail.projection, b, b.projectedStockout, b.inbound ?? [], this.today());
    const title = `Projected on hand of ${b.partNumber} at ${b.factoryId} for 90 days` +
      (b.projectedStockout ? `, stock-out on ${formatDay(b.projectedStockout)}` : ", no stock-out");
    replaceChildren(this.chart, heading("Projected on hand · 90 days"),
      model ? renderChart(model, title) : h("p", { class: "muted small" }, "No projection for this buffer."),
      h("p", { class: "chart-legend muted small" },
        h("span", { class: "lg lg-line" }), "projected on hand ",
        h("span", { class: "lg lg-arrival" }), "inbound arrival ",
        h("span", { class: "lg lg-stockout" }), "stock-out ",
        h("span", { class: "lg lg-outage" }), "out of stock"));
  }

  private renderInbound(lines: readonly InboundLine[]): void {
    const now = Date.now();
    const sorted = [...lines].sort((a, b) => (parseTime(a.eta) ?? 0) - (parseTime(b.eta) ?? 0));
    replaceChildren(this.inbound, heading(`Inbound shipments (${lines.length})`),
      sorted.length === 0
        ? h("p", { class: "muted small" }, "Nothing on the way for this buffer.")
        : h("table", { class: "cargo inbound-list" },
          h("thead", null, h("tr", null, h("th", { scope: "col" }, "Shipment"), h("th", { scope: "col", class: "num" }, "Qty"), h("th", { scope: "col" }, "ETA"))),
          h("tbody", null, ...sorted.map((line) => {
            const overdue = (parseTime(line.eta) ?? Infinity) < now;
            return h("tr", null,
              h("td", null, h("a", { href: `/?shipment=${encodeURIComponent(line.shipmentId)}`, title: "Show on the map" }, line.shipmentId)),
              h("td", { class: "num" }, formatQty(line.quantity)),
              h("td", { class: overdue ? "text-late" : null }, `${formatTime(line.eta)}${overdue ? " · overdue" : ""}`));
          }))));
  }

  private renderSupply(sites: readonly SupplySite[] | undefined): void {
    if (!sites) {
      this.supply.replaceChildren();
      this.supply.hidden = true;
      return;
    }
    this.supply.hidden = false;
    replaceChildren(this.supply, heading(`Supplying sites (${sites.length})`),
      sites.length === 0
        ? h("p", { class: "muted small" }, "No supplier site is registered for this part and factory.")
        : h("ul", { class: "site-list" }, ...sites.map((s) => h("li", null,
          h("span", { class: "site-name" }, `${s.supplierName} — ${s.siteName}`),
          h("span", { class: `supply-badge supply-${s.status}` }, SUPPLY_LABEL[s.status] ?? s.status),
          h("span", { class: "muted small site-meta" },
            `${s.country} · capacity ${formatPct(s.capacityPct)}${s.expectedRecovery ? ` · recovery expected ${formatTime(s.expectedRecovery)}` : ""}`)))));
  }
}

function heading(text: string): HTMLElement {
  return h("h3", null, text);
}

function kv(rows: ReadonlyArray<[string, string | Node]>): HTMLElement {
  const dl = h("dl", { class: "kv drill-kv" });
  for (const [k, v] of rows) dl.append(h("dt", null, k), h("dd", null, v));
  return dl;
}
