// The sourcing page's top bar (brand, page switcher, "Demo data" when the factory is a seeded demo one) and its
// toolbar: the factory, the part (optional) and the view (sourcing table or what-if editor).
import type { Factory } from "../api/types";
import { h, replaceChildren } from "../ui/dom";
import { pageNav } from "../ui/nav";
import type { View } from "./sourcingUrl";

export class SourcingHeader {
  readonly el: HTMLElement;
  private readonly demo: HTMLElement;
  private readonly asOf: HTMLElement;

  constructor() {
    this.demo = h("span", { class: "demo-label", hidden: true, title: "Seeded demonstration network: factories, suppliers, volumes and unit values are not real" }, "Demo data");
    this.asOf = h("span", { class: "updated" });
    this.el = h("header", { class: "topbar" },
      h("div", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }), h("h1", null, "Visibility"), h("span", { class: "brand-sub" }, "sourcing risk")),
      pageNav("sourcing"),
      h("div", { class: "counts" }),
      this.demo,
      h("div", { class: "link-wrap" }, this.asOf));
  }

  setDemo(demo: boolean): void {
    this.demo.hidden = !demo;
  }

  setAsOf(text: string): void {
    this.asOf.textContent = text;
  }
}

export interface ToolbarEvents {
  onFactory(id: string): void;
  onPart(partNumber: string | null): void;
  onView(view: View): void;
}

export class SourcingToolbar {
  readonly el: HTMLElement;
  private readonly factory: HTMLSelectElement;
  private readonly part: HTMLSelectElement;
  private readonly tabs = new Map<View, HTMLButtonElement>();
  private factoriesKey = "";
  private partsKey = "";

  constructor(events: ToolbarEvents) {
    this.factory = h("select", { id: "src-factory", class: "src-factory" });
    this.part = h("select", { id: "src-part", class: "src-part" });
    this.factory.addEventListener("change", () => events.onFactory(this.factory.value));
    this.part.addEventListener("change", () => events.onPart(this.part.value || null));
    const tabs = h("div", { class: "src-tabs", role: "group", "aria-label": "View" });
    for (const [view, label] of [["sourcing", "Sourcing"], ["whatif", "What-if"]] as const) {
      const button = h("button", { type: "button", class: "src-tab", "aria-pressed": "false", "data-view": view }, label);
      button.addEventListener("click", () => events.onView(view));
      this.tabs.set(view, button);
      tabs.append(button);
    }
    this.el = h("div", { class: "board-filters src-toolbar" },
      h("label", { class: "filter-field", for: "src-factory" }, h("span", { class: "filter-label" }, "Factory"), this.factory),
      h("label", { class: "filter-field", for: "src-part" }, h("span", { class: "filter-label" }, "Part"), this.part),
      tabs);
  }

  show(factories: readonly Factory[], factoryId: string | null, parts: readonly string[], partNumber: string | null, view: View): void {
    const fKey = factories.map((f) => f.id).join(",");
    if (fKey !== this.factoriesKey) {
      this.factoriesKey = fKey;
      replaceChildren(this.factory, ...factories.map((f) => h("option", { value: f.id }, `${f.name} (${f.id})`)));
    }
    this.factory.value = factoryId ?? "";
    const pKey = parts.join(",");
    if (pKey !== this.partsKey) {
      this.partsKey = pKey;
      replaceChildren(this.part, h("option", { value: "" }, "All parts"), ...parts.map((p) => h("option", { value: p }, p)));
    }
    this.part.value = partNumber && parts.includes(partNumber) ? partNumber : "";
    for (const [v, button] of this.tabs) button.setAttribute("aria-pressed", String(v === view));
  }
}
