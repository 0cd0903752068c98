// "Post milestone" for one of the supplier's shipments: code, when (UTC), where (UN/LOCODE, optional) and a note.
// The API decides whether the milestone may follow what is recorded; its 409 reason ("'loaded' cannot follow
// 'departed'") and 400 field errors are shown as given.
import { sendJson } from "../api/http";
import type { ShipmentView } from "../api/types";
import { h } from "../ui/dom";
import { FormView, select } from "./formView";
import { isMilestoneCode, MILESTONE_CODES, MILESTONE_LABEL, nextMilestone, validateMilestone } from "./milestoneRules";
import { problemToFields } from "./problemFields";
import { msToUtcInput } from "./utcInput";

export class MilestoneForm {
  readonly el: HTMLFormElement;
  private readonly view = new FormView("milestone");
  private readonly shipment: HTMLSelectElement;
  private readonly code: HTMLSelectElement;
  private readonly at: HTMLInputElement;
  private readonly locode: HTMLInputElement;
  private readonly note: HTMLTextAreaElement;
  private readonly submit: HTMLButtonElement;
  private shipments: readonly ShipmentView[] = [];

  constructor(private readonly onPosted: (shipment: ShipmentView) => void) {
    this.shipment = select([["", "Choose a shipment"]]);
    this.code = select(MILESTONE_CODES.map((c) => [c, MILESTONE_LABEL[c]]));
    this.at = h("input", { type: "datetime-local" });
    this.locode = h("input", { type: "text", maxlength: 5, placeholder: "e.g. CNSHA", autocomplete: "off", spellcheck: "false", class: "mono" });
    this.note = h("textarea", { rows: 2, maxlength: 2_200 });
    this.submit = h("button", { type: "submit", class: "btn-primary" }, "Post milestone");
    this.shipment.addEventListener("change", () => this.suggest());

    const v = this.view;
    this.el = h("form", { class: "portal-form milestone-form", novalidate: true, "aria-label": "Post a shipment milestone" },
      h("div", { class: "form-row" },
        v.field("shipmentId", "Shipment", this.shipment),
        v.field("code", "Milestone", this.code),
        v.field("at", "At (UTC)", this.at),
        v.field("locode", "Where", this.locode, "Optional UN/LOCODE")),
      v.field("note", "Note", this.note),
      v.general, v.ok,
      h("div", { class: "form-actions" }, this.submit));
    this.el.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.post();
    });
  }

  setShipments(shipments: readonly ShipmentView[]): void {
    this.shipments = shipments;
    const chosen = this.shipment.value;
    this.shipment.replaceChildren(h("option", { value: "" }, shipments.length ? "Choose a shipment" : "No shipments"),
      ...shipments.map((s) => h("option", { value: s.id }, `${s.id} · ${s.reference} · ${s.origin} → ${s.destination}`)));
    this.shipment.value = shipments.some((s) => s.id === chosen) ? chosen : "";
  }

  /** Picks a shipment (its row's button, or its dot on the map) and proposes its usual next milestone. */
  choose(shipmentId: string): void {
    this.shipment.value = shipmentId;
    this.suggest();
    this.view.clear();
    this.el.scrollIntoView({ block: "nearest" });
    this.code.focus();
  }

  private suggest(): void {
    const s = this.shipments.find((x) => x.id === this.shipment.value);
    const next = s ? nextMilestone(s.milestones ?? []) : null;
    if (next && isMilestoneCode(next)) this.code.value = next;
    if (!this.at.value) this.at.value = msToUtcInput(Date.now());
  }

  private async post(): Promise<void> {
    const checked = validateMilestone({
      shipmentId: this.shipment.value, code: this.code.value, at: this.at.value, locode: this.locode.value, note: this.note.value,
    }, this.shipments.map((s) => s.id), Date.now());
    if (!checked.ok) {
      this.view.showChecks(checked.errors);
      return;
    }
    const id = this.shipment.value;
    this.submit.disabled = true;
    try {
      const result = await sendJson<ShipmentView>("POST", `/api/shipments/${encodeURIComponent(id)}/milestones`, checked.body);
      if (!result.ok) {
        this.view.show(problemToFields(result.problem, result.status, this.view.fieldNames));
        return;
      }
      this.view.showOk(`Recorded ${MILESTONE_LABEL[checked.body.code].toLowerCase()} for ${id}.`);
      this.note.value = "";
      this.locode.value = "";
      // Ready for the next step of the same shipment: its usual next milestone, now.
      this.shipments = this.shipments.map((s) => (s.id === id ? result.data : s));
      this.at.value = "";
      this.suggest();
      this.onPosted(result.data);
    } catch {
      this.view.show({ fields: {}, general: ["No answer from the server. Check the shipment's last milestone before posting again."] });
    } finally {
      this.submit.disabled = false;
    }
  }
}
