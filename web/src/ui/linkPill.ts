// The live-connection pill every page's top bar shows: a coloured dot and the state, with the explanation as its
// title and accessible label. One implementation, so the map, the board and the suppliers page say the same thing.
import type { LinkState } from "../live/connection";
import { h } from "./dom";

export const LINK_STATE_LABEL: Record<LinkState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

export class LinkPill {
  readonly el: HTMLElement;
  private readonly text: HTMLElement;

  constructor() {
    this.text = h("span", null, LINK_STATE_LABEL.connecting);
    this.el = h("div", { class: "link link-connecting", role: "status", "aria-live": "polite" },
      h("span", { class: "link-dot", "aria-hidden": "true" }), this.text);
  }

  set(state: LinkState, detail: string): void {
    this.el.className = `link link-${state}`;
    this.text.textContent = LINK_STATE_LABEL[state];
    this.el.title = detail;
    this.el.setAttribute("aria-label", `Connection: ${LINK_STATE_LABEL[state]} — ${detail}`);
  }
}
