// "My shipments": the supplier's own shipments (the API lists no others for a supplier user): where they go, their
// status, ETA and delay, and the last milestone posted. Each row opens the milestone form for that shipment.
import type { ShipmentView } from "../api/types";
import { h, replaceChildren } from "../ui/dom";
import { formatDelay, formatTime } from "../ui/format";
import { latestMilestone, MILESTONE_LABEL } from "./milestoneRules";

const COLUMNS = ["Shipment", "Reference", "Route", "Status", "ETA", "Delay", "Last milestone", ""];

export class ShipmentTable {
  readonly el: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly empty: HTMLElement;

  constructor(private readonly onPostFor: (shipmentId: string) => void) {
    this.body = h("tbody");
    this.empty = h("p", { class: "sup-empty muted", hidden: true });
    this.el = h("div", { class: "portal-table-wrap" },
      h("table", { class: "sup-table portal-shipments" },
        h("thead", null, h("tr", null, ...COLUMNS.map((c) => h("th", { scope: "col" }, c)))),
        this.body),
      this.empty);
  }

  render(shipments: readonly ShipmentView[], selected: string | null, emptyText: string): void {
    replaceChildren(this.body, ...shipments.map((s) => {
      const post = h("button", { type: "button", class: "text-btn", "aria-label": `Post a milestone for ${s.id}` }, "Post milestone");
      post.addEventListener("click", () => this.onPostFor(s.id));
      const last = latestMilestone(s.milestones ?? []);
      const late = s.delayHours >= 0.05;
      return h("tr", { "data-shipment": s.id, "data-status": s.status, class: s.id === selected ? "selected" : null },
        h("td", null, h("div", { class: "cell-main mono" }, s.id), h("div", { class: "cell-sub" }, s.mode)),
        h("td", null, s.reference),
        h("td", null,
          h("div", null, `${s.originName || s.origin} → ${s.destinationName || s.destination}`),
          h("div", { class: "cell-sub" }, `${s.origin} → ${s.destination}`)),
        h("td", null, h("span", { class: `ship-status ship-${s.status}` }, s.status)),
        h("td", { class: "nowrap" }, formatTime(s.eta)),
        h("td", { class: `nowrap${late ? " delay-late" : ""}` }, formatDelay(s.delayHours)),
        h("td", { class: "last-milestone" }, last
          ? h("div", null,
            h("div", null, MILESTONE_LABEL[last.code] ?? last.code),
            h("div", { class: "cell-sub" }, `${formatTime(last.at)}${last.locode ? ` · ${last.locode}` : ""}`))
          : h("span", { class: "muted" }, "none yet")),
        h("td", null, post));
    }));
    this.empty.hidden = shipments.length > 0;
    this.empty.textContent = emptyText;
  }
}
