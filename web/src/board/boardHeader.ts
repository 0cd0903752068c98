// The board's top bar: the same chrome as the map's (brand, page switcher, connection pill, "not live" banner) with
// the zone counts of the rows passing the other filters. The counts double as the zone filter, and a "Demo data"
// label shows whenever demo rows are on the board.
import type { BufferZone } from "../api/types";
import type { LinkState } from "../live/connection";
import { h } from "../ui/dom";
import { formatNumber } from "../ui/format";
import { LinkPill } from "../ui/linkPill";
import { pageNav } from "../ui/nav";
import { ZONES, type ZoneCounts } from "./boardFilters";
import { ZONE_LABEL } from "./boardFormat";

export class BoardHeader {
  readonly el: HTMLElement;
  /** Shown over the table while not live, so frozen figures are never mistaken for quiet ones. */
  readonly banner: HTMLElement;
  private readonly bannerText: HTMLElement;
  private readonly total: HTMLElement;
  private readonly zoneButtons = new Map<BufferZone, { button: HTMLButtonElement; value: HTMLElement }>();
  private readonly demo: HTMLElement;
  private readonly pill = new LinkPill();
  private readonly updated: HTMLElement;
  private state: LinkState = "connecting";

  constructor(onZone: (zone: BufferZone) => void) {
    this.total = h("span", { class: "count-value" }, "—");
    const counts = h("div", { class: "counts board-counts", role: "group", "aria-label": "Buffers by zone (click a zone to filter)" },
      h("div", { class: "count tone-neutral" }, h("span", { class: "count-label" }, "Buffers"), this.total));
    for (const zone of ZONES) {
      const value = h("span", { class: "count-value" }, "—");
      const button = h("button", { type: "button", class: `count count-btn tone-zone-${zone}`, "aria-pressed": "false", "data-zone": zone,
        title: `Show only ${ZONE_LABEL[zone].toLowerCase()} buffers` },
      h("span", { class: "count-label" }, ZONE_LABEL[zone]), value);
      button.addEventListener("click", () => onZone(zone));
      this.zoneButtons.set(zone, { button, value });
      counts.append(button);
    }
    this.demo = h("span", { class: "demo-label", hidden: true, title: "Seeded demonstration network: factories, suppliers and buffers are not real" }, "Demo data");
    this.updated = h("span", { class: "updated" });
    this.bannerText = h("span", null, "Connecting to the live feed…");
    this.banner = h("div", { class: "stale-banner" }, h("strong", null, "Not live. "), this.bannerText);
    this.el = h("header", { class: "topbar" },
      h("div", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }), h("h1", null, "Visibility"),
        h("span", { class: "brand-sub" }, "buffer board")),
      pageNav("board"),
      counts,
      this.demo,
      h("div", { class: "link-wrap" }, this.updated, this.pill.el));
  }

  setCounts(counts: ZoneCounts, activeZone: BufferZone | null): void {
    this.total.textContent = formatNumber(counts.red + counts.yellow + counts.green);
    for (const [zone, { button, value }] of this.zoneButtons) {
      value.textContent = formatNumber(counts[zone]);
      button.setAttribute("aria-pressed", String(zone === activeZone));
    }
  }

  /** `demoRows` of `totalRows` on the board are demo data. */
  setDemo(demoRows: number, totalRows: number): void {
    this.demo.hidden = demoRows === 0;
    this.demo.textContent = demoRows === totalRows ? "Demo data" : `Demo data (${formatNumber(demoRows)} of ${formatNumber(totalRows)})`;
  }

  setUpdated(text: string): void {
    if (this.state === "live") this.updated.textContent = text;
  }

  setLink(state: LinkState, detail: string): void {
    this.state = state;
    this.updated.textContent = state === "live" ? "" : detail;
    this.pill.set(state, detail);
    this.banner.hidden = state === "live";
    this.bannerText.textContent = `${detail.charAt(0).toUpperCase()}${detail.slice(1)}. The board shows the last known figures.`;
  }
}
