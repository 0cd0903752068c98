// The live disruption feed on the map page: each active disruption with its type, title, time to recover and impact
// summary (kept current by the disruptions feed). Clicking one flies the map to it and lists its impact
// (GET /api/disruptions/{id}/impact); operators, managers and admins may resolve it or declare a new one.
import { api } from "../api/http";
import type { DisruptionImpact, DisruptionView } from "../api/disruptionTypes";
import type { DisruptionBook } from "../disruptions/disruptionBook";
import { formatDays, impactText, ttrText, typeLabel } from "../disruptions/disruptionText";
import { styleOf } from "../map/disruptionLayer";
import { h } from "../ui/dom";
import { formatNumber } from "../ui/format";

export interface DisruptionPanelActions {
  /** Fly the map to a disruption and highlight it. */
  focus(d: DisruptionView): void;
  /** Open a shipment from the impact list. */
  openShipment(id: string): void;
  declare(): void;
}

export class DisruptionPanel {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly heading: HTMLElement;
  private openId: string | null = null;
  private impact: DisruptionImpact | null = null;
  private impactError: string | null = null;
  private impactRequest: AbortController | null = null;

  constructor(private readonly book: DisruptionBook, private readonly canWrite: boolean, private readonly actions: DisruptionPanelActions) {
    this.heading = h("h2", { id: "disruptions-title" }, "Disruptions");
    const declare = h("button", { type: "button", class: "btn btn-small", "data-testid": "declare-disruption" }, "Declare…");
    declare.addEventListener("click", () => this.actions.declare());
    declare.hidden = !canWrite;
    const collapse = h("button", { type: "button", class: "icon-btn", "aria-expanded": "true", "aria-label": "Hide the disruptions list", title: "Hide list" }, "▾");
    collapse.addEventListener("click", () => {
      const collapsed = this.el.classList.toggle("collapsed");
      collapse.setAttribute("aria-expanded", String(!collapsed));
      collapse.textContent = collapsed ? "▸" : "▾";
    });
    this.list = h("ol", { class: "disruption-list", "aria-live": "polite" });
    this.el = h("aside", { class: "panel panel-disruptions", "aria-labelledby": "disruptions-title", "data-testid": "disruption-feed" },
      h("div", { class: "panel-head" }, this.heading, h("span", { class: "panel-head-tools" }, declare, collapse)),
      h("section", { class: "disruption-scroll" }, this.list));
    this.render();
  }

  /** The book changed: re-render the list (and the open item's impact, whose summary may have moved on). */
  refresh(changedIds: readonly string[] = []): void {
    if (this.openId && changedIds.includes(this.openId)) void this.loadImpact(this.openId);
    this.render();
  }

  open(id: string | null): void {
    this.openId = id;
    this.impact = null;
    this.impactError = null;
    if (id) void this.loadImpact(id);
    this.render();
  }

  private async loadImpact(id: string): Promise<void> {
    this.impactRequest?.abort();
    const request = new AbortController();
    this.impactRequest = request;
    try {
      const impact = await api.disruptionImpact(id, request.signal);
      if (this.openId !== id) return;
      this.impact = impact;
      this.impactError = null;
    } catch (err) {
      if (request.signal.aborted || this.openId !== id) return;
      console.debug("[disruptions] impact unavailable", id, err);
      this.impactError = "Impact unavailable.";
    }
    this.render();
  }

  private render(): void {
    const all = this.book.sorted();
    const active = all.filter((d) => d.status === "active");
    // Resolved ones stay listed (greyed) only while they are the open item.
    const shown = all.filter((d) => d.status === "active" || d.id === this.openId);
    this.heading.textContent = `Disruptions · ${active.length} active`;
    document.body.dataset.disruptionsActive = String(active.length);
    if (shown.length === 0) {
      this.list.replaceChildren(h("li", { class: "muted small disruption-empty" }, "No active disruptions."));
      return;
    }
    this.list.replaceChildren(...shown.map((d) => this.item(d)));
  }

  private item(d: DisruptionView): HTMLElement {
    const open = d.id === this.openId;
    const button = h("button", { type: "button", class: "disruption-item", "aria-expanded": String(open), "data-id": d.id },
      h("span", { class: "disruption-bar", "aria-hidden": "true" }),
      h("span", { class: "disruption-type" }, typeLabel(d.type)),
      h("span", { class: "disruption-ttr" }, ttrText(d)),
      h("span", { class: "disruption-title" }, d.title),
      h("span", { class: "disruption-impact", "data-testid": "disruption-impact" }, impactText(d.impact)));
    (button.firstElementChild as HTMLElement).style.background = styleOf(d.type).stroke;
    button.addEventListener("click", () => {
      if (open) {
        this.open(null);
        return;
      }
      this.open(d.id);
      this.actions.focus(d);
    });
    const li = h("li", { class: `disruption-row${open ? " open" : ""}${d.status !== "active" ? " resolved" : ""}` }, button);
    if (open) li.append(this.details(d));
    return li;
  }

  private details(d: DisruptionView): HTMLElement {
    const box = h("div", { class: "disruption-details", "data-testid": "disruption-details" });
    if (d.status === "active" && this.canWrite) {
      const resolve = h("button", { type: "button", class: "btn btn-small btn-danger", "data-testid": "resolve-disruption" }, "Resolve");
      resolve.addEventListener("click", async () => {
        resolve.disabled = true;
        const result = await api.resolveDisruption(d.id).catch(() => null);
        if (!result || !result.ok) {
          resolve.disabled = false;
          resolve.textContent = "Resolve failed — retry";
          return;
        }
        this.book.apply([result.data]);
        this.open(null);
      });
      box.append(h("div", { class: "disruption-actions" }, resolve));
    }
    if (d.note) box.append(h("p", { class: "muted small" }, d.note));
    if (this.impactError) {
      box.append(h("p", { class: "muted small" }, this.impactError));
      return box;
    }
    const impact = this.impact;
    if (!impact) {
      box.append(h("p", { class: "muted small" }, "Loading impact…"));
      return box;
    }
    if (impact.shipments.length === 0 && impact.parts.length === 0 && impact.suppliers.length === 0) {
      box.append(h("p", { class: "muted small" }, "Nothing affected."));
      return box;
    }
    if (impact.shipments.length > 0) {
      box.append(h("h3", null, `Shipments (${d.impact.shipments})`),
        h("ul", { class: "impact-list" }, ...impact.shipments.slice(0, 12).map((s) => {
          const link = h("button", { type: "button", class: "link-btn" }, s.reference || s.shipmentId);
          link.addEventListener("click", () => this.actions.openShipment(s.shipmentId));
          const added = s.addedDays > 0 ? ` +${formatDays(s.addedDays)}` : "";
          const km = s.distanceKmAfter - s.distanceKmBefore;
          return h("li", null, link, h("span", { class: "muted" },
            ` ${s.origin}→${s.destination} · ${s.effect}${added}${Math.abs(km) >= 1 ? ` · ${km > 0 ? "+" : ""}${formatNumber(Math.round(km))} km` : ""}`));
        })));
    }
    if (impact.suppliers.length > 0) {
      box.append(h("h3", null, "Supplier sites"),
        h("ul", { class: "impact-list" }, ...impact.suppliers.slice(0, 8).map((s) => h("li", null, `${s.siteName} · ${s.supplierName} (${s.country})`))));
    }
    const parts = impact.parts.filter((p) => p.atRisk || p.impactUnits > 0);
    if (impact.parts.length > 0) {
      box.append(h("h3", null, `Parts at risk (${parts.length} of ${impact.parts.length})`),
        h("ul", { class: "impact-list" }, ...(parts.length ? parts : impact.parts).slice(0, 8).map((p) => h("li", null,
          `${p.partNumber} @ ${p.factoryName || p.factoryId}: TTS ${p.ttsDays === null ? "∞" : formatDays(p.ttsDays)} vs TTR ${p.ttrDays === null ? "open" : formatDays(p.ttrDays)}`,
          p.impactUnits > 0 ? h("strong", { class: "text-late" }, ` · ${formatNumber(Math.round(p.impactUnits))} units`) : null))));
    }
    return box;
  }
}
