// The small card that opens when a supplier site or a factory is clicked on the operator map.
// It stays pinned to the point while the map pans or zooms (repositioned each animation frame
// while open) and its content follows the live suppliers feed.
import type { Factory, Supplier, SupplierSite } from "../api/types";
import { unitX, unitY } from "../map/projection";
import type { MapView } from "../map/view";
import { formatSince, formatUntil } from "../suppliers/relativeTime";
import { capacityBar, countryName, partsList, statusPill } from "../suppliers/siteParts";
import { compareWorstFirst, siteKey } from "../suppliers/siteRows";
import { h, replaceChildren } from "../ui/dom";
import { formatTime } from "../ui/format";
import { drawGlyphFor } from "./networkIcons";

export type PopoverTarget = { kind: "site"; key: string } | { kind: "factory"; key: string };

export interface NetworkData {
  suppliers(): Iterable<Supplier>;
  supplier(id: string): Supplier | undefined;
  factories: ReadonlyMap<string, Factory>;
}

export class NetworkPopover {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private target: PopoverTarget | null = null;
  private anchor: { lon: number; lat: number } | null = null;
  private frame = 0;
  /** Camera version and content the card was last placed for. */
  private placedFor = "";
  private renders = 0;

  constructor(private readonly view: MapView, private readonly data: NetworkData) {
    this.body = h("div", { class: "net-pop-body" });
    const close = h("button", { type: "button", class: "icon-btn net-pop-close", title: "Close (Esc)", "aria-label": "Close" }, "×");
    close.addEventListener("click", () => this.close());
    this.el = h("section", { class: "net-pop", hidden: true, role: "dialog", "aria-label": "Supply network point" }, close, this.body);
  }

  get current(): PopoverTarget | null {
    return this.target;
  }

  open(target: PopoverTarget): void {
    this.target = target;
    this.render();
    if (!this.anchor) return;
    this.el.hidden = false;
    if (!this.frame) this.follow();
  }

  close(): void {
    this.placedFor = "";
    this.target = null;
    this.anchor = null;
    this.el.hidden = true;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Data changed (a supplier posted, factories loaded): re-render if open. */
  refresh(): void {
    if (this.target) this.render();
  }

  private render(): void {
    this.renders++;
    const t = this.target!;
    if (t.kind === "site") {
      const [supplierId] = splitKey(t.key);
      const supplier = this.data.supplier(supplierId);
      const site = supplier?.sites.find((s) => siteKey(supplier.id, s.id) === t.key);
      if (!supplier || !site) return this.close();
      this.anchor = { lon: site.lon, lat: site.lat };
      this.renderSite(supplier, site);
    } else {
      const factory = this.data.factories.get(t.key);
      if (!factory) return this.close();
      this.anchor = { lon: factory.lon, lat: factory.lat };
      this.renderFactory(factory);
    }
  }

  private renderSite(supplier: Supplier, site: SupplierSite): void {
    const now = Date.now();
    this.el.dataset.kind = "site";
    this.el.dataset.key = siteKey(supplier.id, site.id);
    replaceChildren(this.body,
      h("h2", null, drawGlyphFor("site", site.status), site.name),
      h("p", { class: "detail-sub" }, `${supplier.name} · ${site.locode ?? ""} · ${countryName(site.country)}`,
        supplier.demo ? h("span", { class: "demo-badge small-badge" }, "Demo data") : null),
      h("div", { class: "net-pop-status" }, statusPill(site.status), capacityBar(site.status, site.capacityPct)),
      h("dl", { class: "kv" },
        h("dt", null, "Expected recovery"),
        h("dd", null, site.expectedRecovery ? `${formatTime(site.expectedRecovery)} (${formatUntil(site.expectedRecovery, now)})` : "—"),
        h("dt", null, "Last update"),
        h("dd", { title: site.updatedAt ? formatTime(site.updatedAt) : null }, site.updatedAt ? formatSince(site.updatedAt, now) : "no status posted yet")),
      site.note ? h("p", { class: "note tl-note" }, site.note) : null,
      h("div", { class: "net-pop-parts" }, partsList(site.parts, this.data.factories)),
      h("a", { class: "net-pop-link", href: `/suppliers?site=${encodeURIComponent(siteKey(supplier.id, site.id))}` }, "Status history on Suppliers →"));
  }

  private renderFactory(factory: Factory): void {
    this.el.dataset.kind = "factory";
    this.el.dataset.key = factory.id;
    // The sites that supply this factory, worst first: the question an operator asks of a plant.
    const feeding: Array<{ supplier: Supplier; site: SupplierSite; key: string }> = [];
    for (const supplier of this.data.suppliers())
      for (const site of supplier.sites)
        if (site.parts.some((p) => p.factoryIds.includes(factory.id))) feeding.push({ supplier, site, key: siteKey(supplier.id, site.id) });
    feeding.sort(compareWorstFirst);
    replaceChildren(this.body,
      h("h2", null, drawGlyphFor("factory", ""), factory.name),
      h("p", { class: "detail-sub" }, `${factory.id} · ${factory.locode} · ${countryName(factory.country)}`,
        factory.demo ? h("span", { class: "demo-badge small-badge" }, "Demo data") : null),
      h("h3", { class: "net-pop-h" }, "Parts buffered"),
      h("p", { class: "net-pop-parts-list" }, factory.parts.length > 0 ? factory.parts.join(" · ") : "none yet"),
      h("h3", { class: "net-pop-h" }, `Supplied by ${feeding.length} site${feeding.length === 1 ? "" : "s"}`),
      feeding.length === 0 ? h("p", { class: "muted" }, "No supplier lists this factory.") :
        h("ul", { class: "net-pop-feeders" }, ...feeding.map((f) =>
          h("li", null, statusPill(f.site.status), h("span", null, f.site.name, h("span", { class: "muted" }, ` · ${f.supplier.name}`))))));
  }

  /** Keeps the card beside its point while open (hidden when the point is off screen). */
  private follow(): void {
    this.frame = requestAnimationFrame(() => this.follow());
    const a = this.anchor;
    const v = this.view;
    // Measuring the card forces a layout: only when the camera moved or the content changed.
    const key = `${v.version}|${this.renders}`;
    if (!a || key === this.placedFor) return;
    this.placedFor = key;
    const w = v.worldPx;
    let x = v.originX + unitX(a.lon) * w;
    x -= w * Math.round((x - v.width / 2) / w);
    const y = v.originY + unitY(a.lat) * w;
    const visible = x >= 0 && x <= v.width && y >= 52 && y <= v.height;
    this.el.style.visibility = visible ? "" : "hidden";
    const width = this.el.offsetWidth;
    const height = this.el.offsetHeight;
    const left = x + 16 + width > v.width - 8 ? x - 16 - width : x + 16;
    const top = Math.max(60, Math.min(v.height - height - 8, y - 24));
    this.el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf("/");
  return i < 0 ? [key, ""] : [key.slice(0, i), key.slice(i + 1)];
}
