// "My sites": each of the supplier's sites as it stands, with what the supplier last posted for it. The note is the
// supplier's own text and is shown as text.
import type { SupplierSite } from "../api/types";
import { formatSince, formatUntil } from "../suppliers/relativeTime";
import { capacityBar, partsList, statusPill } from "../suppliers/siteParts";
import { h, replaceChildren } from "../ui/dom";
import { formatTime } from "../ui/format";

const NO_FACTORIES = new Map();

export class SiteCards {
  readonly el: HTMLElement;

  constructor(private readonly onPostFor: (siteId: string) => void) {
    this.el = h("div", { class: "portal-sites" });
  }

  render(sites: readonly SupplierSite[], nowMs: number): void {
    if (sites.length === 0) {
      replaceChildren(this.el, h("p", { class: "muted" }, "No sites are registered for this supplier."));
      return;
    }
    replaceChildren(this.el, ...sites.map((site) => {
      const post = h("button", { type: "button", class: "text-btn" }, "Post status");
      post.addEventListener("click", () => this.onPostFor(site.id));
      return h("article", { class: `portal-site site-${site.status}`, "data-site": site.id, "data-status": site.status },
        h("div", { class: "portal-site-head" },
          h("div", null,
            h("h3", null, site.name),
            h("div", { class: "cell-sub" }, `${site.id} · ${site.locode ?? `${site.lat.toFixed(2)}, ${site.lon.toFixed(2)}`}`)),
          statusPill(site.status)),
        capacityBar(site.status, site.capacityPct),
        h("dl", { class: "kv portal-site-kv" },
          h("dt", null, "Expected recovery"),
          h("dd", { class: "portal-site-recovery" }, site.expectedRecovery
            ? `${formatTime(site.expectedRecovery)} (${formatUntil(site.expectedRecovery, nowMs)})`
            : "—"),
          h("dt", null, "Last update"),
          h("dd", { class: "portal-site-updated", title: site.updatedAt ? formatTime(site.updatedAt) : null },
            site.updatedAt ? `${formatSince(site.updatedAt, nowMs)} · ${formatTime(site.updatedAt)}` : "never posted (counts as operating at 100 %)"),
          h("dt", null, "Parts"),
          h("dd", null, partsList(site.parts, NO_FACTORIES))),
        site.note ? h("p", { class: "note portal-site-note" }, site.note) : null,
        h("div", { class: "portal-site-actions" }, post));
    }));
  }
}
