// "Declare disruption" on the map page: a modeless dialog (the map stays usable, so a zone's centre is set by clicking
// on it) with the type, its place (chokepoint, port, or point + radius), expected end (the time to recover), severity,
// title and note. The host's field errors are shown under the fields; on success the dialog closes and the new
// disruption arrives through the live feed with its impact.
import { api } from "../api/http";
import type { DisruptionView } from "../api/disruptionTypes";
import type { Chokepoint } from "../api/types";
import { buildDeclareRequest, placeKind, takesDelay, type DeclareValues } from "../disruptions/declareRequest";
import { TYPE_LABEL } from "../disruptions/disruptionText";
import { problemToFields } from "../portal/problemFields";
import { msToUtcInput } from "../portal/utcInput";
import { h } from "../ui/dom";

const DECLARABLE = ["chokepoint-closure", "port-closure", "port-congestion", "natural-hazard", "security-zone", "customs-hold"];
const FIELDS = ["type", "severity", "title", "chokepoint", "locode", "delayDays", "center", "radiusKm", "expectedEnd", "note"] as const;
type Field = (typeof FIELDS)[number];
const DEFAULT_DAYS = 14;

export interface DeclareDialogHooks {
  /** The zone's draft circle changed (null: none) — the map draws it. */
  draft(center: { lat: number; lon: number } | null, radiusKm: number): void;
  declared(view: DisruptionView): void;
}

export class DeclareDialog {
  readonly el: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly inputs: Record<Field, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;
  private readonly lat: HTMLInputElement;
  private readonly lon: HTMLInputElement;
  private readonly errors = new Map<Field, HTMLElement>();
  private readonly groups: Record<"chokepoint" | "port" | "delay" | "zone", HTMLElement>;
  private readonly general: HTMLElement;
  private readonly submit: HTMLButtonElement;
  private busy = false;

  constructor(private readonly hooks: DeclareDialogHooks) {
    const type = h("select", { id: "dd-type", name: "type" },
      ...DECLARABLE.map((t) => h("option", { value: t }, TYPE_LABEL[t] ?? t)));
    const severity = h("select", { id: "dd-severity", name: "severity" },
      ...["low", "medium", "high", "critical"].map((s) => h("option", { value: s }, s)));
    severity.value = "high";
    const chokepoint = h("select", { id: "dd-chokepoint", name: "chokepoint" }, h("option", { value: "" }, "Loading…"));
    const locode = h("input", { id: "dd-locode", name: "locode", placeholder: "e.g. NLRTM", autocomplete: "off", maxlength: 10 });
    const delayDays = h("input", { id: "dd-delayDays", name: "delayDays", type: "number", min: "0", step: "0.5", value: "3" });
    this.lat = h("input", { id: "dd-lat", name: "lat", type: "number", step: "any", placeholder: "lat" });
    this.lon = h("input", { id: "dd-lon", name: "lon", type: "number", step: "any", placeholder: "lon" });
    const radiusKm = h("input", { id: "dd-radiusKm", name: "radiusKm", type: "number", min: "1", step: "any", value: "300" });
    const expectedEnd = h("input", { id: "dd-expectedEnd", name: "expectedEnd", type: "datetime-local" });
    const title = h("input", { id: "dd-title", name: "title", maxlength: 200, placeholder: "defaults to a title for the type and place" });
    const note = h("textarea", { id: "dd-note", name: "note", maxlength: 2000, rows: 2 });
    this.inputs = { type, severity, title, chokepoint, locode, delayDays, center: this.lat, radiusKm, expectedEnd, note };

    const field = (name: Field, label: string, control: HTMLElement, hint?: string) => {
      const error = h("p", { class: "field-error", id: `dd-${name}-error`, hidden: true });
      this.errors.set(name, error);
      return h("div", { class: "field" }, h("label", { for: control.id }, label), control,
        hint ? h("p", { class: "field-hint muted" }, hint) : null, error);
    };
    const centerError = h("p", { class: "field-error", id: "dd-center-error", hidden: true });
    this.errors.set("center", centerError);
    this.groups = {
      chokepoint: field("chokepoint", "Chokepoint", chokepoint),
      port: field("locode", "Port (UN/LOCODE)", locode),
      delay: field("delayDays", "Delay (days)", delayDays),
      zone: h("div", { class: "field-group" },
        h("div", { class: "form-row" },
          h("div", { class: "field" }, h("label", { for: "dd-lat" }, "Centre lat"), this.lat),
          h("div", { class: "field" }, h("label", { for: "dd-lon" }, "Centre lon"), this.lon),
          field("radiusKm", "Radius (km)", radiusKm)),
        h("p", { class: "field-hint muted" }, "Click on the map to set the centre."),
        centerError),
    };
    this.general = h("p", { class: "form-error", role: "alert", hidden: true });
    this.submit = h("button", { type: "submit", class: "btn-primary", "data-testid": "declare-submit" }, "Declare");
    const cancel = h("button", { type: "button", class: "btn-quiet" }, "Cancel");
    cancel.addEventListener("click", () => this.close());

    this.form = h("form", { class: "declare-form", novalidate: true },
      field("type", "Type", type),
      this.groups.chokepoint, this.groups.port, this.groups.delay, this.groups.zone,
      h("div", { class: "form-row" },
        field("expectedEnd", "Expected end (UTC)", expectedEnd, "the time to recover"),
        field("severity", "Severity", severity)),
      field("title", "Title", title),
      field("note", "Note", note),
      this.general,
      h("div", { class: "form-actions" }, this.submit, cancel));
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.send();
    });
    type.addEventListener("change", () => this.showPlaceFields());
    for (const input of [this.lat, this.lon, radiusKm]) input.addEventListener("input", () => this.publishDraft());

    this.el = h("section", { class: "panel declare-dialog", role: "dialog", "aria-labelledby": "declare-title", hidden: true, "data-testid": "declare-dialog" },
      h("div", { class: "panel-head" }, h("h2", { id: "declare-title" }, "Declare disruption"),
        closeButton(() => this.close())),
      this.form);
  }

  get isOpen(): boolean {
    return !this.el.hidden;
  }

  setChokepoints(points: readonly Chokepoint[]): void {
    const select = this.inputs.chokepoint as HTMLSelectElement;
    const current = select.value;
    select.replaceChildren(...points.map((c) => h("option", { value: c.name }, c.displayName)));
    if (points.some((c) => c.name === current)) select.value = current;
  }

  open(): void {
    if (!this.inputs.expectedEnd.value) this.inputs.expectedEnd.value = msToUtcInput(Date.now() + DEFAULT_DAYS * 86_400_000);
    this.clearErrors();
    this.el.hidden = false;
    this.showPlaceFields();
    this.inputs.type.focus();
  }

  close(): void {
    this.el.hidden = true;
    this.hooks.draft(null, 0);
  }

  /** A click on the map while the dialog asks for a point. True when it was used. */
  pickPoint(lat: number, lon: number): boolean {
    if (!this.isOpen || placeKind(this.inputs.type.value) !== "zone") return false;
    this.lat.value = lat.toFixed(3);
    this.lon.value = lon.toFixed(3);
    this.publishDraft();
    return true;
  }

  private showPlaceFields(): void {
    const kind = placeKind(this.inputs.type.value);
    this.groups.chokepoint.hidden = kind !== "chokepoint";
    this.groups.port.hidden = kind !== "port";
    this.groups.delay.hidden = !takesDelay(this.inputs.type.value);
    this.groups.zone.hidden = kind !== "zone";
    this.publishDraft();
  }

  private publishDraft(): void {
    const lat = Number(this.lat.value);
    const lon = Number(this.lon.value);
    const r = Number(this.inputs.radiusKm.value);
    const ok = placeKind(this.inputs.type.value) === "zone" && this.lat.value !== "" && this.lon.value !== "" &&
      Number.isFinite(lat) && Number.isFinite(lon) && Number.isFinite(r) && r > 0;
    this.hooks.draft(ok ? { lat, lon } : null, ok ? Math.min(r, 5_000) : 0);
  }

  private values(): DeclareValues {
    const v = (f: Field) => this.inputs[f].value;
    return {
      type: v("type"), severity: v("severity"), title: v("title"), chokepoint: v("chokepoint"), locode: v("locode"),
      delayDays: v("delayDays"), lat: this.lat.value, lon: this.lon.value, radiusKm: v("radiusKm"),
      expectedEnd: v("expectedEnd"), note: v("note"),
    };
  }

  private async send(): Promise<void> {
    if (this.busy) return;
    this.clearErrors();
    const built = buildDeclareRequest(this.values());
    if (Object.keys(built.errors).length > 0) {
      this.showErrors(built.errors, []);
      return;
    }
    this.busy = true;
    this.submit.disabled = true;
    this.submit.textContent = "Declaring…";
    try {
      const result = await api.declareDisruption(built.request);
      if (result.ok) {
        this.hooks.declared(result.data);
        this.inputs.title.value = "";
        this.inputs.note.value = "";
        this.close();
        return;
      }
      const problems = problemToFields(result.problem, result.status, FIELDS);
      this.showErrors(problems.fields, problems.general);
    } catch (err) {
      console.debug("[declare] request failed", err);
      this.showErrors({}, ["The server could not be reached; try again."]);
    } finally {
      this.busy = false;
      this.submit.disabled = false;
      this.submit.textContent = "Declare";
    }
  }

  private clearErrors(): void {
    for (const [name, el] of this.errors) {
      el.hidden = true;
      el.textContent = "";
      this.inputs[name].removeAttribute("aria-invalid");
      this.inputs[name].removeAttribute("aria-describedby");
    }
    this.lon.removeAttribute("aria-invalid");
    this.general.hidden = true;
  }

  private showErrors(fields: Record<string, string[]>, general: string[]): void {
    let first: HTMLElement | null = null;
    for (const [name, messages] of Object.entries(fields)) {
      const el = this.errors.get(name as Field);
      if (!el) {
        general.push(...messages.map((m) => `${name}: ${m}`));
        continue;
      }
      el.textContent = messages.join(" ");
      el.hidden = false;
      const input = this.inputs[name as Field];
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", el.id);
      if (name === "center") this.lon.setAttribute("aria-invalid", "true");
      first ??= input;
    }
    if (general.length > 0) {
      this.general.textContent = general.join(" ");
      this.general.hidden = false;
    }
    first?.focus();
  }
}

function closeButton(onClick: () => void): HTMLButtonElement {
  const b = h("button", { type: "button", class: "icon-btn", "aria-label": "Close the declare dialog", title: "Close" }, "×");
  b.addEventListener("click", onClick);
  return b;
}
