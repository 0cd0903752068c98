// Labelled form fields with an error line under each, a form-level error and a success line. Messages come from the
// browser's checks or from the API's problem details; both are set as text.
import { h } from "../ui/dom";
import type { FormProblems } from "./problemFields";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export class FormView {
  /** Problems that belong to no single field (a 409's reason, a lost connection). */
  readonly general: HTMLElement;
  /** "Posted …" after a success. */
  readonly ok: HTMLElement;
  private readonly fields = new Map<string, { control: Control; error: HTMLElement }>();

  constructor(private readonly formId: string) {
    this.general = h("p", { class: "form-error", role: "alert", hidden: true });
    this.ok = h("p", { class: "form-ok", role: "status", "aria-live": "polite", hidden: true });
  }

  /** A label, the control (named `name`, the API's field name) and its error line. */
  field(name: string, label: string, control: Control, hint?: string): HTMLElement {
    const id = `${this.formId}-${name}`;
    const errorId = `${id}-error`;
    control.id = id;
    control.name = name;
    const error = h("p", { class: "field-error", id: errorId, "data-for": name, hidden: true });
    control.setAttribute("aria-describedby", hint ? `${errorId} ${id}-hint` : errorId);
    this.fields.set(name, { control, error });
    return h("div", { class: "field", "data-field": name },
      h("label", { for: id }, label),
      control,
      hint ? h("p", { class: "field-hint muted", id: `${id}-hint` }, hint) : null,
      error);
  }

  control(name: string): Control {
    return this.fields.get(name)!.control;
  }

  get fieldNames(): string[] {
    return [...this.fields.keys()];
  }

  clear(): void {
    for (const { control, error } of this.fields.values()) {
      error.hidden = true;
      error.textContent = "";
      control.removeAttribute("aria-invalid");
    }
    this.general.hidden = true;
    this.general.textContent = "";
    this.ok.hidden = true;
    this.ok.textContent = "";
  }

  /** Shows each field's messages under it, the rest at the form; focuses the first field in error. */
  show(problems: FormProblems): void {
    this.clear();
    let first: Control | null = null;
    for (const [name, { control, error }] of this.fields) {
      const messages = problems.fields[name];
      if (!messages || messages.length === 0) continue;
      error.textContent = messages.join(" ");
      error.hidden = false;
      control.setAttribute("aria-invalid", "true");
      first ??= control;
    }
    if (problems.general.length > 0) {
      this.general.textContent = problems.general.join(" ");
      this.general.hidden = false;
    }
    first?.focus();
  }

  /** Browser-side check results (one message per field). */
  showChecks(errors: Record<string, string>): void {
    const fields: Record<string, string[]> = {};
    for (const [name, message] of Object.entries(errors)) fields[name] = [message];
    this.show({ fields, general: [] });
  }

  showOk(text: string): void {
    this.clear();
    this.ok.textContent = text;
    this.ok.hidden = false;
  }
}

export function select(options: ReadonlyArray<[value: string, label: string]>, value?: string): HTMLSelectElement {
  const el = h("select", null, ...options.map(([v, label]) => h("option", { value: v }, label)));
  if (value !== undefined) el.value = value;
  return el;
}
