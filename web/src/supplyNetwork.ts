// The supply network on the operator map: supplier sites and factories as a base-map overlay,
// kept current by the suppliers feed, with hover text, a popover on click and legend toggles.
// app.ts adds `feed` to the page's live connection and `pointAt` to the map's callbacks.
import type { Factory } from "./api/types";
import type { LiveFeed } from "./live/snapshotFeed";
import { preloadSuppliers, suppliersFeed } from "./live/suppliersFeed";
import type { MapCanvas } from "./map/mapCanvas";
import { NetworkLayer } from "./map/networkLayer";
import { NetworkLegend } from "./panels/networkLegend";
import { NetworkPopover } from "./panels/networkPopover";
import { formatPct } from "./suppliers/siteParts";
import { countStatuses, siteKey, toRows } from "./suppliers/siteRows";
import { statusLabel } from "./suppliers/siteStatus";
import { SupplierBook } from "./suppliers/supplierBook";

export class SupplyNetwork {
  readonly book = new SupplierBook();
  readonly factories = new Map<string, Factory>();
  readonly layer: NetworkLayer;
  readonly popover: NetworkPopover;
  readonly legend: NetworkLegend;
  readonly feed: LiveFeed;

  constructor(private readonly map: MapCanvas) {
    this.layer = new NetworkLayer(() => map.base.invalidate());
    map.base.addOverlay(this.layer);
    this.popover = new NetworkPopover(map.view, {
      suppliers: () => this.book.all(),
      supplier: (id) => this.book.get(id),
      factories: this.factories,
    });
    this.legend = new NetworkLegend((sites, factories) => {
      this.layer.setVisible(sites, factories);
      const open = this.popover.current;
      if (open && ((open.kind === "site" && !sites) || (open.kind === "factory" && !factories))) this.popover.close();
    });
    this.feed = suppliersFeed(this.book, {
      onReset: () => this.suppliersChanged(),
      onChange: () => this.suppliersChanged(),
    });
  }

  /** Shows the last known suppliers before the hub's snapshot arrives. */
  preload(): void {
    void preloadSuppliers(this.book, () => this.suppliersChanged());
  }

  setFactories(list: readonly Factory[]): void {
    this.factories.clear();
    for (const f of list) this.factories.set(f.id, f);
    this.layer.setFactories(list);
    this.publish();
    this.popover.refresh();
  }

  /** For MapCanvas: the site or factory under a screen point, with its tooltip and click action. */
  pointAt(x: number, y: number): { tooltip: string; activate(): void } | null {
    const hit = this.layer.hitTest(x, y, this.map.view);
    if (!hit) return null;
    return { tooltip: this.describe(hit.kind, hit.key), activate: () => this.popover.open(hit) };
  }

  private describe(kind: "site" | "factory", key: string): string {
    if (kind === "factory") {
      const f = this.factories.get(key);
      return f ? `${f.name} · factory ${f.id}` : key;
    }
    for (const s of this.book.all())
      for (const site of s.sites)
        if (siteKey(s.id, site.id) === key)
          return `${site.name} · ${s.name} · ${statusLabel(site.status)} · ${formatPct(site.capacityPct)} capacity`;
    return key;
  }

  private suppliersChanged(): void {
    this.layer.setSuppliers(this.book.all());
    this.publish();
    this.popover.refresh();
  }

  /** Legend counts, plus body data attributes that tests and scripts can read. */
  private publish(): void {
    const counts = countStatuses(toRows(this.book.all()));
    const suppliers = [...this.book.all()];
    const demo = suppliers.some((s) => s.demo) || [...this.factories.values()].some((f) => f.demo);
    this.legend.set(counts, this.factories.size, demo);
    const data = document.body.dataset;
    data.sites = String(counts.total);
    data.sitesHalted = String(counts.halted);
    data.sitesReduced = String(counts.reduced);
    data.factories = String(this.factories.size);
  }
}
