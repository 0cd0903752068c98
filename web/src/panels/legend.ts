// Legend at the bottom of the map that doubles as the per-state filter: each entry is a toggle
// button showing the colour, the state and how many markers are in it right now.
import { Category, CATEGORY_COUNT, CATEGORY_INFO } from "../state/categories";
import { h } from "../ui/dom";
import { formatNumber } from "../ui/format";

/** Display order in the legend: problems first, as operators scan left to right. */
const LEGEND_ORDER = [
  Category.ColdChain, Category.OffRoute, Category.Silent, Category.Late, Category.OnTime, Category.Planned, Category.Arrived,
];

export class Legend {
  readonly el: HTMLElement;
  private hidden = 0;
  private readonly counts: HTMLElement[] = [];
  private readonly buttons: HTMLButtonElement[] = [];

  constructor(private readonly onChange: (hiddenMask: number) => void) {
    this.el = h("nav", { class: "legend", "aria-label": "Marker states (toggle to show or hide)" });
    for (const c of LEGEND_ORDER) {
      const info = CATEGORY_INFO[c]!;
      const count = h("span", { class: "legend-count" }, "0");
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = info.colour;
      const button = h("button", { type: "button", class: "legend-item", "aria-pressed": "true", title: `Show or hide ${info.label.toLowerCase()} shipments` },
        swatch, h("span", null, info.label), count);
      button.addEventListener("click", () => this.toggle(c));
      this.counts[c] = count;
      this.buttons[c] = button;
      this.el.append(button);
    }
    this.el.append(h("span", { class: "legend-shapes", "aria-label": "Shapes: triangle ocean, arrow air, square truck" },
      "▲ ocean  ➤ air  ■ truck"),
      h("span", { class: "legend-shapes legend-disrupted", title: "Re-routed or delayed by a disruption" }, "◯ disrupted"));
  }

  setCounts(counts: Int32Array): void {
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      const text = formatNumber(counts[c]!);
      if (this.counts[c]!.textContent !== text) this.counts[c]!.textContent = text;
    }
  }

  private toggle(c: number): void {
    this.hidden ^= 1 << c;
    const shown = !((this.hidden >> c) & 1);
    this.buttons[c]!.setAttribute("aria-pressed", String(shown));
    this.onChange(this.hidden);
  }
}
