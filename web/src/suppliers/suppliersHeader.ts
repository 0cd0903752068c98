// Top bar of the suppliers page, in the map's style: brand, page switcher, how many sites are
// operating / reduced / halted, a "Demo data" label when the suppliers are seeded demo records,
// and the live-connection pill.
import type { LinkState } from "../live/connection";
import { h } from "../ui/dom";
import { formatNumber } from "../ui/format";
import { LinkPill } from "../ui/linkPill";
import { pageNav } from "../ui/nav";
import type { StatusCounts } from "./siteStatus";

const COUNT_FIELDS: ReadonlyArray<{ key: keyof StatusCounts; label: string; tone: string }> = [
  { key: "total", label: "Sites", tone: "neutral" },
  { key: "halted", label: "Halted", tone: "cold" },
  { key: "reduced", label: "Reduced", tone: "late" },
  { key: "operating", label: "Operating", tone: "ontime" },
];

export class SuppliersHeader {
  readonly el: HTMLElement;
  private readonly values = new Map<keyof StatusCounts, HTMLElement>();
  private readonly suppliers: HTMLElement;
  private readonly demo: HTMLElement;
  private readonly pill = new LinkPill();
  private readonly detail: HTMLElement;

  constructor() {
    const counts = h("dl", { class: "counts" });
    this.suppliers = h("dd", null, "—");
    counts.append(h("div", { class: "count tone-neutral" }, h("dt", null, "Suppliers"), this.suppliers));
    for (const f of COUNT_FIELDS) {
      const value = h("dd", { "data-count": f.key }, "—");
      this.values.set(f.key, value);
      counts.append(h("div", { class: `count tone-${f.tone}` }, h("dt", null, f.label), value));
    }
    this.demo = h("span", { class: "demo-badge", title: "Seeded demonstration suppliers, not real companies", hidden: true }, "Demo data");
    this.detail = h("span", { class: "updated" });
    this.el = h("header", { class: "topbar" },
      h("div", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }), h("h1", null, "Visibility"),
        h("span", { class: "brand-sub" }, "supplier status")),
      pageNav("suppliers"),
      counts,
      h("div", { class: "link-wrap" }, this.demo, this.detail, this.pill.el));
  }

  setCounts(counts: StatusCounts, suppliers: number): void {
    this.suppliers.textContent = formatNumber(suppliers);
    for (const f of COUNT_FIELDS) this.values.get(f.key)!.textContent = formatNumber(counts[f.key]);
  }

  setDemo(demo: boolean): void {
    this.demo.hidden = !demo;
  }

  setLink(state: LinkState, detail: string): void {
    this.pill.set(state, detail);
    // When not live the explanation is the news; when live the pill says enough.
    this.detail.textContent = state === "live" ? "" : detail;
  }
}
