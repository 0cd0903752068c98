// Top bar: product name, fleet counts from the hub, and the live-connection state. The state pill
// is deliberately loud when not live: operators must never mistake a frozen map for a calm one.
import type { Counts } from "../api/types";
import type { LinkState } from "../live/connection";
import { h } from "../ui/dom";
import { formatNumber } from "../ui/format";
import { LinkPill } from "../ui/linkPill";
import { pageNav } from "../ui/nav";

const COUNT_FIELDS: ReadonlyArray<{ key: keyof Counts; label: string; tone: string }> = [
  { key: "total", label: "Total", tone: "neutral" },
  { key: "inTransit", label: "In transit", tone: "ontime" },
  { key: "late", label: "Late", tone: "late" },
  { key: "coldChain", label: "Cold-chain", tone: "cold" },
  { key: "offRoute", label: "Off-route", tone: "offroute" },
  { key: "stalled", label: "Stalled", tone: "offroute" },
  { key: "silent", label: "Silent", tone: "silent" },
  { key: "arrived", label: "Arrived", tone: "arrived" },
];

export class Header {
  readonly el: HTMLElement;
  private readonly values = new Map<keyof Counts, HTMLElement>();
  private readonly pill = new LinkPill();
  private readonly updated: HTMLElement;
  /** Map overlay shown while not live, so a frozen map is never mistaken for a quiet one. */
  readonly banner: HTMLElement;
  private readonly bannerText: HTMLElement;

  constructor() {
    const counts = h("dl", { class: "counts" });
    for (const f of COUNT_FIELDS) {
      const value = h("dd", null, "—");
      this.values.set(f.key, value);
      counts.append(h("div", { class: `count tone-${f.tone}` }, h("dt", null, f.label), value));
    }
    this.updated = h("span", { class: "updated" });
    this.bannerText = h("span", null, "Connecting to the live feed…");
    this.banner = h("div", { class: "stale-banner" }, h("strong", null, "Not live. "), this.bannerText);
    this.el = h("header", { class: "topbar" },
      h("div", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }), h("h1", null, "Visibility"),
        h("span", { class: "brand-sub" }, "live operations")),
      pageNav("map"),
      counts,
      h("div", { class: "link-wrap" }, this.updated, this.pill.el));
  }

  setCounts(counts: Counts): void {
    for (const f of COUNT_FIELDS) {
      const v = counts[f.key];
      this.values.get(f.key)!.textContent = typeof v === "number" ? formatNumber(v) : "—";
    }
  }

  private state: LinkState = "connecting";

  /** Freshness line shown next to the pill while live (e.g. "updated 14:05:09 UTC"). */
  setUpdated(text: string): void {
    if (this.state === "live") this.updated.textContent = text;
  }

  setLink(state: LinkState, detail: string): void {
    this.state = state;
    // When not live, the explanation (what is happening, when the next retry is) is the news.
    this.updated.textContent = state === "live" ? "" : detail;
    this.pill.set(state, detail);
    this.banner.hidden = state === "live";
    this.bannerText.textContent = `${capitalise(detail)}. Markers show the last known picture.`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
