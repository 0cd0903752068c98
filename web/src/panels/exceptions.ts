// Left panel: what needs attention. The exceptions list ranks every flagged shipment by severity
// (see categories.ts) and is recomputed from the marker store about once a second; the alert feed
// shows alerts opening and clearing as they arrive in hub deltas. Clicking either selects the
// shipment. Row elements are pooled and updated in place, so refreshing is cheap and keyboard
// focus is not lost.
import type { AlertEvent } from "../api/types";
import { CATEGORY_INFO, FLAG_ORDER, severityOf } from "../state/categories";
import type { MarkerStore } from "../state/markerStore";
import { h } from "../ui/dom";
import { formatClock, formatDelay, formatNumber } from "../ui/format";

const MAX_ROWS = 150;
const MAX_FEED = 100;
const MODE_LABEL = ["ocean", "air", "truck"];

interface Row {
  li: HTMLLIElement;
  button: HTMLButtonElement;
  bar: HTMLElement;
  id: HTMLElement;
  chips: HTMLElement;
  meta: HTMLElement;
  flags: number;
  shipmentId: string;
}

export class ExceptionsPanel {
  readonly el: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly heading: HTMLElement;
  private readonly more: HTMLElement;
  private readonly feed: HTMLOListElement;
  private readonly feedEmpty: HTMLElement;
  private readonly rows: Row[] = [];
  private order: number[] = [];
  private scores = new Float64Array(0);

  constructor(private readonly onSelect: (id: string) => void) {
    this.heading = h("span", null, "Exceptions");
    this.list = h("ol", { class: "exc-list", "aria-label": "Shipments with exceptions, most severe first" });
    this.more = h("p", { class: "muted small" });
    this.feed = h("ol", { class: "feed-list", "aria-label": "Alert events, newest first", "aria-live": "off" });
    this.feedEmpty = h("p", { class: "muted small" }, "No alert events yet.");
    const collapse = h("button", { type: "button", class: "icon-btn collapse-btn", "aria-expanded": "true", "aria-label": "Hide the exceptions panel", title: "Hide panel" }, "‹");
    collapse.addEventListener("click", () => {
      const collapsed = this.el.classList.toggle("collapsed");
      collapse.setAttribute("aria-expanded", String(!collapsed));
      collapse.setAttribute("aria-label", collapsed ? "Show the exceptions panel" : "Hide the exceptions panel");
      collapse.title = collapsed ? "Show panel" : "Hide panel";
      collapse.textContent = collapsed ? "›" : "‹";
    });
    this.el = h("aside", { class: "panel panel-left", "aria-label": "Exceptions and alerts" },
      h("div", { class: "panel-head" }, h("h2", null, this.heading), collapse),
      h("section", { class: "exc-section" }, this.list, this.more),
      h("section", { class: "feed-section" }, h("h2", null, "Alert feed"), this.feedEmpty, this.feed));
  }

  /** Re-ranks flagged shipments from the store and updates the visible rows. */
  refresh(store: MarkerStore): void {
    const n = store.count;
    if (this.scores.length < n) this.scores = new Float64Array(Math.max(n, this.scores.length * 2));
    const order = this.order;
    order.length = 0;
    for (let i = 0; i < n; i++) {
      const score = severityOf(store.flags[i]!, store.delayHours[i]!);
      if (score > 0) {
        this.scores[i] = score;
        order.push(i);
      }
    }
    const scores = this.scores;
    order.sort((a, b) => scores[b]! - scores[a]! || (store.ids[a]! < store.ids[b]! ? -1 : 1));

    this.heading.textContent = `Exceptions (${formatNumber(order.length)})`;
    const shown = Math.min(order.length, MAX_ROWS);
    for (let k = 0; k < shown; k++) this.fillRow(this.row(k), store, order[k]!);
    for (let k = shown; k < this.rows.length; k++) this.rows[k]!.li.hidden = true;
    this.more.textContent =
      order.length > shown ? `+ ${formatNumber(order.length - shown)} more (use the legend filters and the map)` :
      order.length === 0 && n > 0 ? "No exceptions. All shipments nominal." :
      order.length === 0 ? "Waiting for the live feed…" : "";
  }

  addAlerts(events: readonly AlertEvent[]): void {
    if (events.length === 0) return;
    const fresh = events.slice(-MAX_FEED);
    const fragment = document.createDocumentFragment();
    for (let k = fresh.length - 1; k >= 0; k--) fragment.append(this.feedItem(fresh[k]!));
    this.feed.prepend(fragment);
    while (this.feed.childElementCount > MAX_FEED) this.feed.lastElementChild!.remove();
    this.feedEmpty.hidden = true;
  }

  private feedItem(e: AlertEvent): HTMLLIElement {
    const button = h("button", { type: "button", class: `feed-item feed-${e.state === "opened" ? "opened" : "cleared"}` },
      h("span", { class: "feed-time" }, formatClock(e.at)),
      h("span", { class: `chip chip-${e.kind}` }, e.kind),
      h("span", { class: "feed-state" }, e.state),
      h("span", { class: "feed-id" }, e.shipmentId),
      h("span", { class: "feed-msg" }, e.message));
    button.title = `${e.shipmentId}: ${e.kind} ${e.state} — ${e.message}`;
    button.addEventListener("click", () => this.onSelect(e.shipmentId));
    return h("li", null, button);
  }

  private row(k: number): Row {
    let row = this.rows[k];
    if (row) {
      row.li.hidden = false;
      return row;
    }
    const bar = h("span", { class: "exc-bar", "aria-hidden": "true" });
    const id = h("span", { class: "exc-id" });
    const chips = h("span", { class: "exc-chips" });
    const meta = h("span", { class: "exc-meta" });
    const button = h("button", { type: "button", class: "exc-item" }, bar, id, chips, meta);
    const li = h("li", null, button);
    const created: Row = { li, button, bar, id, chips, meta, flags: -1, shipmentId: "" };
    button.addEventListener("click", () => this.onSelect(created.shipmentId));
    this.list.append(li);
    this.rows[k] = created;
    return created;
  }

  private fillRow(row: Row, store: MarkerStore, i: number): void {
    const id = store.ids[i]!;
    const flags = store.flags[i]!;
    if (row.shipmentId !== id) {
      row.shipmentId = id;
      row.id.textContent = id;
    }
    if (row.flags !== flags) {
      row.flags = flags;
      row.chips.replaceChildren(
        ...FLAG_ORDER.filter((f) => flags & f.bit).map((f) => h("span", { class: `chip chip-${f.kind}` }, f.label)));
    }
    row.bar.style.background = CATEGORY_INFO[store.category[i]!]!.colour;
    const meta = `${MODE_LABEL[store.mode[i]!] ?? ""} · ${formatDelay(store.delayHours[i]!)}`;
    if (row.meta.textContent !== meta) row.meta.textContent = meta;
  }
}
