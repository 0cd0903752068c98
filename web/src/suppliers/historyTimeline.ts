// A supplier's posted status history as a timeline, newest first (the API's order). Shared by the suppliers page's
// detail panel and the supplier portal. Notes are supplier-written text: set as text, never as markup.
import type { StatusHistoryEntry } from "../api/types";
import { h } from "../ui/dom";
import { formatTime } from "../ui/format";
import { formatSince } from "./relativeTime";
import { formatPct, statusPill } from "./siteParts";

/**
 * `siteNames` names the sites; with more than one, each entry says which site it was for. Entries for sites other than
 * `currentSiteId` (when given) are dimmed.
 */
export function historyTimeline(entries: readonly StatusHistoryEntry[], siteNames: ReadonlyMap<string, string>, nowMs: number,
                                currentSiteId: string | null = null): HTMLElement {
  const several = siteNames.size > 1;
  return h("ol", { class: "timeline" }, ...entries.map((e) =>
    h("li", { class: `tl-item site-${e.status}${several && currentSiteId && e.siteId !== currentSiteId ? " other-site" : ""}`, "data-site": e.siteId },
      h("span", { class: "tl-dot", "aria-hidden": "true" }),
      h("div", { class: "tl-head" },
        h("time", { datetime: e.at }, formatTime(e.at)),
        h("span", { class: "muted" }, formatSince(e.at, nowMs))),
      h("div", { class: "tl-body" },
        statusPill(e.status),
        h("span", { class: "tl-cap" }, `${formatPct(e.capacityPct)} capacity`),
        several ? h("span", { class: "tl-site" }, siteNames.get(e.siteId) ?? e.siteId) : null),
      e.expectedRecovery ? h("div", { class: "tl-recovery muted" }, `Expected recovery ${formatTime(e.expectedRecovery)}`) : null,
      e.note ? h("p", { class: "note tl-note" }, e.note) : null)));
}
