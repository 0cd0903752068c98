// The portal's top bar, in the other pages' style: brand, page switcher (a supplier user sees only "Portal" and
// who is signed in), the supplier's name, a "Demo data" label for the seeded demo suppliers, and when the page last
// heard from the server.
import { h } from "../ui/dom";
import { formatClock } from "../ui/format";
import { pageNav } from "../ui/nav";

export class PortalHeader {
  readonly el: HTMLElement;
  private readonly name: HTMLElement;
  private readonly id: HTMLElement;
  private readonly demo: HTMLElement;
  private readonly updated: HTMLElement;

  constructor() {
    this.name = h("h2", { class: "portal-supplier-name" }, "—");
    this.id = h("span", { class: "cell-sub portal-supplier-id" });
    this.demo = h("span", { class: "demo-badge", title: "A seeded demonstration supplier, not a real company", hidden: true }, "Demo data");
    this.updated = h("span", { class: "updated" });
    this.el = h("header", { class: "topbar" },
      h("div", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }), h("h1", null, "Visibility"),
        h("span", { class: "brand-sub" }, "supplier portal")),
      pageNav("portal"),
      h("div", { class: "portal-supplier" }, this.name, this.id),
      h("div", { class: "link-wrap" }, this.demo, this.updated));
  }

  setSupplier(name: string, id: string, demo: boolean): void {
    this.name.textContent = name;
    this.id.textContent = id;
    this.demo.hidden = !demo;
  }

  /** "Updated 10:45:02 UTC", or why not. */
  setUpdated(at: string | null, problem: string | null = null): void {
    this.updated.textContent = problem ?? (at ? `Updated ${formatClock(at)} UTC` : "");
    this.updated.classList.toggle("stale", problem !== null);
  }
}
