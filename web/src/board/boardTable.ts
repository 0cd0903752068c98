// The board table. Rows are keyed by factory × part and kept between renders: a render updates only the cells of
// rows that changed, moves rows whose priority moved (insertBefore on the existing element) and flashes rows whose
// zone or stock-out date moved. Nothing is rebuilt wholesale, so focus, hover and scroll survive a live update.
import type { BufferRow, SupplyStatus } from "../api/types";
import { h } from "../ui/dom";
import { daysBetween, formatDay } from "./boardDates";
import { matchesFilters, type BoardFilters } from "./boardFilters";
import { formatAdu, formatDays, formatDaysAway, formatPct, formatQty, SUPPLY_LABEL, ZONE_LABEL } from "./boardFormat";
import { compareByPriority } from "./boardRows";
import type { BoardStore, PendingChanges } from "./boardStore";
import { stockoutUrgency } from "./rowChanges";
import { ZoneBar } from "./zoneBar";

const COLUMNS: ReadonlyArray<{ label: string; title?: string; className?: string }> = [
  { label: "Factory" },
  { label: "Part", title: "Part number and HS code" },
  { label: "Buffer", title: "Red, yellow and green zones from 0 to top of green, filled to the net-flow position. Line: net flow. Triangle: on hand. › : above top of green" },
  { label: "Priority", title: "Planning priority: net-flow position as a share of top of green (lowest first)", className: "num" },
  { label: "On hand", className: "num" },
  { label: "On order", title: "Inbound shipments and open orders", className: "num" },
  { label: "ADU", title: "Average daily usage", className: "num" },
  { label: "Cover", title: "Days of cover: on hand ÷ ADU", className: "num" },
  { label: "Stock-out", title: "Projected stock-out day. Red: inside the red zone's days of usage; amber: inside the decoupled lead time" },
  { label: "Order", title: "Suggested order quantity (top of green − net flow, when net flow is at or below top of yellow)", className: "num" },
  { label: "Supply", title: "Countries supplying the part, and the worst status their sites posted" },
];

export interface BoardTableEvents {
  onOpen(row: BufferRow): void;
}

export class BoardTable {
  readonly el: HTMLElement;
  private readonly tbody: HTMLTableSectionElement;
  private readonly empty: HTMLElement;
  private readonly views = new Map<string, RowView>();
  private visible: RowView[] = [];
  private today = "";
  private selectedKey: string | null = null;

  constructor(private readonly events: BoardTableEvents) {
    this.tbody = h("tbody");
    const head = h("tr", null, ...COLUMNS.map((c) => h("th", { scope: "col", title: c.title ?? null, class: c.className ?? null }, c.label)));
    const table = h("table", { class: "board-table", "aria-describedby": "board-summary" },
      h("caption", { class: "visually-hidden" }, "DDMRP buffers, most urgent first. Press Enter on a row for its projection."),
      h("thead", null, head), this.tbody);
    this.empty = h("p", { class: "board-empty", hidden: true });
    this.el = h("div", { class: "board-scroll" }, table, this.empty);
    this.tbody.addEventListener("click", (e) => this.openFrom(e.target));
    this.tbody.addEventListener("keydown", (e) => this.onKey(e));
  }

  /** Rows in display order after the last render. */
  get visibleRows(): readonly BufferRow[] {
    return this.visible.map((v) => v.row);
  }

  render(store: BoardStore, filters: BoardFilters, changes: PendingChanges, filtersChanged: boolean): void {
    const today = store.today();
    const dayRolled = today !== this.today;
    this.today = today;

    for (const key of changes.changed) {
      const row = store.rows.get(key);
      const view = this.views.get(key);
      if (!row) {
        view?.tr.remove();
        this.views.delete(key);
      } else if (view) {
        view.update(row, today);
      } else {
        const created = new RowView(key, row);
        created.update(row, today);
        this.views.set(key, created);
      }
    }
    if (dayRolled) for (const view of this.views.values()) view.update(view.row, today);

    if (changes.reorder || filtersChanged || changes.changed.size > 0) this.place(filters);
    for (const key of changes.flash) this.views.get(key)?.flash();

    this.empty.hidden = this.visible.length > 0;
    this.empty.textContent = !store.hasSnapshot
      ? "Waiting for the live feed…"
      : store.rows.size === 0
      ? "No buffers yet. Factories and their part buffers appear here as soon as they are set up."
      : "No buffer matches these filters.";
  }

  setSelected(key: string | null): void {
    if (this.selectedKey) this.views.get(this.selectedKey)?.tr.removeAttribute("aria-current");
    this.selectedKey = key;
    if (key) this.views.get(key)?.tr.setAttribute("aria-current", "true");
  }

  focusRow(key: string): void {
    this.views.get(key)?.tr.focus();
  }

  /** Orders the visible rows by priority and moves only the elements that are out of place. */
  private place(filters: BoardFilters): void {
    const next = [...this.views.values()].filter((v) => matchesFilters(v.row, filters))
      .sort((a, b) => compareByPriority(a.row, b.row));
    const keep = new Set(next);
    // insertBefore detaches the element it moves, which drops keyboard focus: put it back afterwards.
    const focused = document.activeElement instanceof HTMLTableRowElement && this.tbody.contains(document.activeElement)
      ? document.activeElement : null;
    for (const view of this.visible) if (!keep.has(view)) view.tr.remove();
    let cursor: ChildNode | null = this.tbody.firstChild;
    for (const view of next) {
      if (cursor === view.tr) {
        cursor = cursor.nextSibling;
        continue;
      }
      this.tbody.insertBefore(view.tr, cursor);
    }
    this.visible = next;
    if (focused && focused.isConnected && document.activeElement !== focused) focused.focus({ preventScroll: true });
  }

  private rowOf(target: EventTarget | null): RowView | null {
    const tr = (target as Element | null)?.closest?.("tr[data-key]");
    return tr ? this.views.get((tr as HTMLElement).dataset.key!) ?? null : null;
  }

  private openFrom(target: EventTarget | null): void {
    if ((target as Element | null)?.closest?.("a")) return; // links inside a row keep their own meaning
    const view = this.rowOf(target);
    if (view) this.events.onOpen(view.row);
  }

  private onKey(e: KeyboardEvent): void {
    const view = this.rowOf(e.target);
    if (!view || e.target !== view.tr) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.events.onOpen(view.row);
      return;
    }
    const step = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const i = this.visible.indexOf(view);
    this.visible[Math.min(this.visible.length - 1, Math.max(0, i + step))]?.tr.focus();
  }
}

/** One row's elements, updated in place. */
class RowView {
  readonly tr: HTMLTableRowElement;
  row: BufferRow;
  private readonly bar = new ZoneBar();
  private readonly factoryName = h("span", { class: "cell-main" });
  private readonly factoryId = h("span", { class: "cell-sub mono" });
  private readonly part = h("span", { class: "cell-main mono" });
  private readonly hs = h("span", { class: "cell-sub mono" });
  private readonly zoneDot = h("span", { class: "zone-dot", "aria-hidden": "true" });
  private readonly priority = h("span");
  private readonly netFlow = h("span", { class: "cell-sub" });
  private readonly onHand = h("td", { class: "num" });
  private readonly onOrder = h("span", { class: "cell-main" });
  private readonly inbound = h("span", { class: "cell-sub" });
  private readonly adu = h("span", { class: "cell-main" });
  private readonly aduSource = h("span", { class: "cell-sub" });
  private readonly cover = h("td", { class: "num" });
  private readonly stockoutDate = h("span", { class: "cell-main" });
  private readonly stockoutAway = h("span", { class: "cell-sub" });
  private readonly stockoutCell = h("td", { class: "stockout" }, this.stockoutDate, this.stockoutAway);
  private readonly order = h("td", { class: "num" });
  private readonly countries = h("span", { class: "countries mono" });
  private readonly supply = h("span", { class: "supply-badge", hidden: true });
  private flashTimer: number | undefined;

  constructor(key: string, row: BufferRow) {
    this.row = row;
    this.tr = h("tr", { tabindex: 0, "data-key": key, "data-factory": row.factoryId, "data-part": row.partNumber },
      h("td", { class: "factory" }, this.factoryName, this.factoryId),
      h("td", { class: "part" }, this.part, this.hs),
      h("td", { class: "bar" }, this.bar.el),
      h("td", { class: "num priority" }, h("span", { class: "cell-main" }, this.zoneDot, this.priority), this.netFlow),
      this.onHand,
      h("td", { class: "num" }, this.onOrder, this.inbound),
      h("td", { class: "num" }, this.adu, this.aduSource),
      this.cover,
      this.stockoutCell,
      this.order,
      h("td", { class: "supply" }, this.countries, this.supply));
  }

  update(row: BufferRow, today: string): void {
    this.row = row;
    const tr = this.tr;
    tr.dataset.zone = row.zone;
    tr.dataset.priority = String(row.planningPriorityPct);
    tr.className = `zone-${row.zone}`;
    tr.setAttribute("aria-label", `${row.factoryName}, ${row.partNumber}, ${ZONE_LABEL[row.zone] ?? row.zone} zone, priority ${formatPct(row.planningPriorityPct)}`);
    set(this.factoryName, row.factoryName || row.factoryId);
    if (this.factoryName.title !== row.factoryName) this.factoryName.title = row.factoryName; // names are cut when the drill-down is open
    set(this.factoryId, row.factoryId);
    set(this.part, row.partNumber);
    set(this.hs, row.hsCode ? `HS ${row.hsCode}` : "");
    set(this.priority, formatPct(row.planningPriorityPct));
    set(this.netFlow, `NFP ${formatQty(row.netFlow)}`);
    set(this.onHand, formatQty(row.onHand));
    set(this.onOrder, formatQty(row.onOrder));
    const n = row.inbound?.length ?? 0;
    set(this.inbound, n === 0 ? "" : n === 1 ? "1 shipment" : `${n} shipments`);
    set(this.adu, formatAdu(row.adu));
    set(this.aduSource, row.aduSource === "usage" ? "from usage" : "");
    set(this.cover, formatDays(row.daysOfCover));
    this.bar.update(row);

    const urgency = stockoutUrgency(row, today);
    set(this.stockoutDate, row.projectedStockout ? formatDay(row.projectedStockout, today) : "none in 90 d");
    set(this.stockoutAway, formatDaysAway(daysBetween(today, row.projectedStockout)));
    this.stockoutCell.className = `stockout stockout-${urgency}`;
    set(this.order, row.suggestedOrderQty > 0 ? formatQty(row.suggestedOrderQty) : "—");

    set(this.countries, (row.supplyCountries ?? []).join(" ") || "—");
    // Only trouble gets a worded badge; a running supply is a quiet dot, so reduced and halted stand out.
    const status: SupplyStatus | null = row.supplyStatus ?? null;
    this.supply.hidden = status === null;
    if (status === "operating") {
      set(this.supply, "");
      this.supply.className = "supply-dot";
      this.supply.title = "All supplying sites operating";
      this.supply.setAttribute("aria-label", "Supply operating");
    } else if (status) {
      set(this.supply, SUPPLY_LABEL[status] ?? status);
      this.supply.className = `supply-badge supply-${status}`;
      this.supply.title = `Worst status among the supplying sites: ${status}`;
      this.supply.removeAttribute("aria-label");
    }
  }

  /** Restarts the highlight even if the previous one is still running. */
  flash(): void {
    this.tr.classList.remove("flash");
    void this.tr.offsetWidth; // forces a style flush so the animation starts again
    this.tr.classList.add("flash");
    window.clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => this.tr.classList.remove("flash"), 2_400);
  }
}

/** Writes text only when it differs, so unchanged cells cost no layout. */
function set(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
