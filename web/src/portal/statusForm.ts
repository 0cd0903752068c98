// "Post site status": one site or all, status, capacity, expected recovery (UTC) and a note. Checked in the browser
// first, then by the API, whose field errors land next to the same fields. A success hands the supplier's new view
// to the page, which re-renders the sites and reloads the history.
import { sendJson } from "../api/http";
import type { Supplier, SupplierSite } from "../api/types";
import { STATUS_INFO } from "../suppliers/siteStatus";
import { h } from "../ui/dom";
import { formatTime } from "../ui/format";
import { FormView, select } from "./formView";
import { problemToFields } from "./problemFields";
import { NOTE_MAX, typicalCapacity, validateStatus } from "./statusRules";

export class StatusForm {
  readonly el: HTMLFormElement;
  private readonly view = new FormView("status");
  private readonly site: HTMLSelectElement;
  private readonly status: HTMLSelectElement;
  private readonly capacity: HTMLInputElement;
  private readonly recovery: HTMLInputElement;
  private readonly note: HTMLTextAreaElement;
  private readonly submit: HTMLButtonElement;
  private sites: readonly SupplierSite[] = [];
  private capacityTyped = false;

  constructor(private readonly supplierId: string, private readonly onPosted: (supplier: Supplier) => void) {
    this.site = select([["", "All sites"]]);
    this.status = select((["operating", "reduced", "halted"] as const).map((s) => [s, STATUS_INFO[s].label]), "operating");
    this.capacity = h("input", { type: "number", min: 0, max: 100, step: "any", inputmode: "decimal", value: "100" });
    this.recovery = h("input", { type: "datetime-local" });
    this.note = h("textarea", { rows: 3, maxlength: NOTE_MAX + 200, placeholder: "What happened, what you are doing about it" });
    this.submit = h("button", { type: "submit", class: "btn-primary" }, "Post status");

    this.status.addEventListener("change", () => {
      const typical = typicalCapacity(this.status.value);
      if (typical !== null && !this.capacityTyped) this.capacity.value = typical;
    });
    this.capacity.addEventListener("input", () => { this.capacityTyped = true; });

    const v = this.view;
    this.el = h("form", { class: "portal-form status-form", novalidate: true, "aria-label": "Post site status" },
      h("div", { class: "form-row" },
        v.field("siteId", "Site", this.site),
        v.field("status", "Status", this.status),
        v.field("capacityPct", "Capacity %", this.capacity)),
      v.field("expectedRecovery", "Expected recovery (UTC)", this.recovery, "Optional: when you expect full capacity again."),
      v.field("note", "Note", this.note),
      v.general, v.ok,
      h("div", { class: "form-actions" }, this.submit));
    this.el.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.post();
    });
  }

  setSites(sites: readonly SupplierSite[]): void {
    const same = sites.length === this.sites.length && sites.every((s, i) => s.id === this.sites[i]?.id && s.name === this.sites[i]?.name);
    this.sites = sites;
    if (same) return;
    const chosen = this.site.value;
    this.site.replaceChildren(h("option", { value: "" }, sites.length > 1 ? `All ${sites.length} sites` : "All sites"),
      ...sites.map((s) => h("option", { value: s.id }, `${s.name} (${s.id})`)));
    this.site.value = sites.some((s) => s.id === chosen) ? chosen : "";
  }

  /** Picks a site in the form (a click on a site card or on the map). */
  chooseSite(siteId: string): void {
    this.site.value = siteId;
    this.status.focus();
  }

  private async post(): Promise<void> {
    const checked = validateStatus({
      siteId: this.site.value, status: this.status.value, capacityPct: this.capacity.value,
      expectedRecovery: this.recovery.value, note: this.note.value,
    }, this.sites.map((s) => s.id), Date.now());
    if (!checked.ok) {
      this.view.showChecks(checked.errors);
      return;
    }
    this.submit.disabled = true;
    try {
      const result = await sendJson<Supplier>("POST", `/api/suppliers/${encodeURIComponent(this.supplierId)}/status`, checked.body);
      if (!result.ok) {
        this.view.show(problemToFields(result.problem, result.status, this.view.fieldNames));
        return;
      }
      const where = checked.body.siteId ? this.sites.find((s) => s.id === checked.body.siteId)?.name ?? checked.body.siteId : "all sites";
      this.view.showOk(`Posted ${checked.body.status} at ${Math.round(checked.body.capacityPct)} % for ${where}, ${formatTime(new Date().toISOString())}.`);
      this.note.value = "";
      this.capacityTyped = false;
      this.onPosted(result.data);
    } catch {
      this.view.show({ fields: {}, general: ["No answer from the server. Check the history below before posting again."] });
    } finally {
      this.submit.disabled = false;
    }
  }
}
