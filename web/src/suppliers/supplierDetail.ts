// The detail panel for one supplier: its sites as they stand now, and the status history it
// posted (GET /status-history, newest first) as a timeline. While open, a live change to the
// supplier re-renders the sites and fetches the history again.
import { api, HttpError } from "../api/http";
import type { Factory, StatusHistoryEntry, Supplier } from "../api/types";
import { h, replaceChildren } from "../ui/dom";
import { formatTime } from "../ui/format";
import { formatSince, formatUntil } from "./relativeTime";
import { historyTimeline } from "./historyTimeline";
import { capacityBar, countryName, partsList, statusPill } from "./siteParts";
import { siteKey } from "./siteRows";

const RETRY_MS = 5_000;

export class SupplierDetail {
  readonly el: HTMLElement;
  private readonly title: HTMLElement;
  private readonly sub: HTMLElement;
  private readonly sites: HTMLElement;
  private readonly history: HTMLElement;
  private supplier: Supplier | null = null;
  private siteId: string | null = null;
  private entries: StatusHistoryEntry[] | null = null;
  private loading: AbortController | null = null;
  private retry: number | undefined;
  private factories: ReadonlyMap<string, Factory> = new Map();

  constructor(private readonly onClose: () => void, private readonly onSelectSite: (key: string) => void) {
    this.title = h("h2", null);
    this.sub = h("p", { class: "detail-sub" });
    this.sites = h("div", { class: "sup-sites" });
    this.history = h("div", { class: "sup-history", "aria-live": "polite" });
    const close = h("button", { type: "button", class: "icon-btn", title: "Close (Esc)", "aria-label": "Close supplier details" }, "×");
    close.addEventListener("click", () => this.onClose());
    this.el = h("section", { class: "sup-detail", hidden: true, "aria-label": "Supplier details" },
      h("div", { class: "panel-head" }, this.title, close),
      h("div", { class: "detail-body" },
        this.sub,
        h("div", { class: "detail-section" }, h("h3", null, "Sites now"), this.sites),
        h("div", { class: "detail-section" }, h("h3", null, "Status history"), this.history)));
  }

  get supplierId(): string | null {
    return this.supplier?.id ?? null;
  }

  /** Shows `supplier`, highlighting `siteId`; loads its history unless it is already shown. */
  open(supplier: Supplier, siteId: string | null, factories: ReadonlyMap<string, Factory>, nowMs: number): void {
    const same = this.supplier?.id === supplier.id;
    this.supplier = supplier;
    this.siteId = siteId;
    this.factories = factories;
    this.el.hidden = false;
    this.renderCurrent(nowMs);
    if (!same) {
      this.entries = null;
      this.loadHistory();
    } else {
      this.renderHistory(nowMs);
    }
  }

  /** The supplier changed live: new figures now, and the history again (it has a new entry). */
  changed(supplier: Supplier, nowMs: number): void {
    if (this.supplier?.id !== supplier.id) return;
    this.supplier = supplier;
    this.renderCurrent(nowMs);
    this.loadHistory();
  }

  /** Re-renders relative times ("3 min ago"). */
  tick(nowMs: number): void {
    if (!this.supplier) return;
    this.renderCurrent(nowMs);
    this.renderHistory(nowMs);
  }

  close(): void {
    this.loading?.abort();
    this.loading = null;
    clearTimeout(this.retry);
    this.supplier = null;
    this.siteId = null;
    this.entries = null;
    this.el.hidden = true;
  }

  private renderCurrent(nowMs: number): void {
    const s = this.supplier!;
    this.title.textContent = s.name;
    replaceChildren(this.sub, `${s.id} · ${countryName(s.country)}`,
      s.demo ? h("span", { class: "demo-badge small-badge" }, "Demo data") : null);
    replaceChildren(this.sites, ...s.sites.map((site) => {
      const key = siteKey(s.id, site.id);
      const item = h("button", { type: "button", class: `sup-site${site.id === this.siteId ? " current" : ""}`, "data-site": key },
        h("span", { class: "sup-site-name" }, site.name, h("span", { class: "cell-sub" }, ` ${site.locode ?? ""}`)),
        statusPill(site.status),
        capacityBar(site.status, site.capacityPct),
        h("span", { class: "sup-site-meta" },
          site.updatedAt ? `posted ${formatSince(site.updatedAt, nowMs)}` : "no status posted yet",
          site.expectedRecovery ? ` · recovery ${formatTime(site.expectedRecovery)} (${formatUntil(site.expectedRecovery, nowMs)})` : ""),
        site.note ? h("span", { class: "note sup-site-note" }, site.note) : null,
        h("span", { class: "sup-site-parts" }, partsList(site.parts, this.factories)));
      item.addEventListener("click", () => this.onSelectSite(key));
      return item;
    }));
  }

  private loadHistory(): void {
    const s = this.supplier;
    if (!s) return;
    this.loading?.abort();
    clearTimeout(this.retry);
    const controller = new AbortController();
    this.loading = controller;
    if (this.entries === null) replaceChildren(this.history, h("p", { class: "muted" }, "Loading history…"));
    api.supplierHistory(s.id, controller.signal).then(
      (entries) => {
        if (controller.signal.aborted || this.supplier?.id !== s.id) return;
        this.loading = null;
        this.entries = entries;
        this.renderHistory(Date.now());
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        this.loading = null;
        const why = err instanceof HttpError ? `HTTP ${err.status}` : "no answer";
        if (this.entries === null) replaceChildren(this.history, h("p", { class: "muted" }, `History unavailable (${why}); retrying…`));
        this.retry = window.setTimeout(() => this.loadHistory(), RETRY_MS);
      });
  }

  private renderHistory(nowMs: number): void {
    const s = this.supplier;
    const entries = this.entries;
    if (!s || entries === null) return;
    if (entries.length === 0) {
      replaceChildren(this.history, h("p", { class: "muted" },
        "Nothing posted yet. Until the supplier posts, its sites count as operating at full capacity."));
      return;
    }
    replaceChildren(this.history, historyTimeline(entries, new Map(s.sites.map((site) => [site.id, site.name])), nowMs, this.siteId));
  }
}
