// Legend toggles for the supply network layer on the operator map: supplier sites (with how many
// are halted or reduced) and factories, each shown or hidden independently; "Demo data" when the
// network is the seeded demo.
import { h } from "../ui/dom";
import { formatNumber } from "../ui/format";
import type { StatusCounts } from "../suppliers/siteStatus";
import { drawGlyphFor } from "./networkIcons";

export class NetworkLegend {
  readonly items: HTMLElement[];
  private readonly siteButton: HTMLButtonElement;
  private readonly factoryButton: HTMLButtonElement;
  private readonly siteCount: HTMLElement;
  private readonly factoryCount: HTMLElement;
  private readonly demo: HTMLElement;
  private showSites = true;
  private showFactories = true;

  constructor(private readonly onChange: (sites: boolean, factories: boolean) => void) {
    this.siteCount = h("span", { class: "legend-count" }, "0");
    this.factoryCount = h("span", { class: "legend-count" }, "0");
    this.siteButton = h("button", { type: "button", class: "legend-item", "aria-pressed": "true", "data-layer": "sites",
      title: "Show or hide supplier sites (colour = posted status)" },
    drawGlyphFor("site", "operating"), h("span", null, "Supplier sites"), this.siteCount);
    this.factoryButton = h("button", { type: "button", class: "legend-item", "aria-pressed": "true", "data-layer": "factories",
      title: "Show or hide factories" },
    drawGlyphFor("factory", ""), h("span", null, "Factories"), this.factoryCount);
    this.siteButton.addEventListener("click", () => {
      this.showSites = !this.showSites;
      this.siteButton.setAttribute("aria-pressed", String(this.showSites));
      this.onChange(this.showSites, this.showFactories);
    });
    this.factoryButton.addEventListener("click", () => {
      this.showFactories = !this.showFactories;
      this.factoryButton.setAttribute("aria-pressed", String(this.showFactories));
      this.onChange(this.showSites, this.showFactories);
    });
    this.demo = h("span", { class: "demo-badge small-badge", hidden: true, title: "Seeded demonstration suppliers and factories" }, "Demo data");
    this.items = [h("span", { class: "legend-sep", "aria-hidden": "true" }), this.siteButton, this.factoryButton, this.demo];
  }

  set(counts: StatusCounts, factories: number, demo: boolean): void {
    const trouble = [counts.halted ? `${counts.halted} halted` : "", counts.reduced ? `${counts.reduced} reduced` : ""].filter(Boolean).join(", ");
    this.siteCount.textContent = trouble ? `${formatNumber(counts.total)} · ${trouble}` : formatNumber(counts.total);
    this.siteCount.classList.toggle("legend-count-alert", counts.halted > 0);
    this.factoryCount.textContent = formatNumber(factories);
    this.demo.hidden = !demo;
  }
}
