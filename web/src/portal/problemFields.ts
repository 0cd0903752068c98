// Server refusals (RFC 9457 problem details) mapped onto a form: each message under the field it names, the rest
// (and the problem's detail) as the form's own message. Field names in the portal's forms are the API's own.
import type { ProblemDetails } from "../api/types";

export interface FormProblems {
  /** Messages per form field. */
  fields: Record<string, string[]>;
  /** Messages that belong to no field of this form. */
  general: string[];
}

/**
 * `errors` keys are fields ("capacityPct") or JSON paths ("$.capacityPct", "$" for the whole body, "cargo[0].quantity"):
 * the first path segment picks the form field; keys naming no field of this form go to `general`, prefixed with the key.
 */
export function problemToFields(problem: ProblemDetails | null, status: number, fields: readonly string[]): FormProblems {
  const result: FormProblems = { fields: {}, general: [] };
  for (const [key, messages] of Object.entries(problem?.errors ?? {})) {
    const path = key.replace(/^\$\.?/, "");
    const field = path.split(/[.[]/)[0] ?? "";
    const list = Array.isArray(messages) ? messages.filter((m) => typeof m === "string") : [];
    if (fields.includes(field)) (result.fields[field] ??= []).push(...list);
    else result.general.push(...list.map((m) => (path ? `${path}: ${m}` : m)));
  }
  const hasFieldErrors = Object.keys(problem?.errors ?? {}).length > 0;
  // A 400's detail only says "fields are invalid", which the fields already show; other refusals explain themselves.
  if (problem?.detail && !hasFieldErrors) result.general.unshift(problem.detail);
  if (result.general.length === 0 && Object.keys(result.fields).length === 0) result.general.push(fallbackText(status));
  return result;
}

function fallbackText(status: number): string {
  if (status === 404) return "Not found.";
  if (status === 403) return "Your account may not do this.";
  if (status === 409) return "This conflicts with what is already recorded.";
  if (status === 413) return "Too much text.";
  if (status === 429) return "Too many requests; wait a moment and try again.";
  if (status >= 500) return `The server failed (HTTP ${status}); try again.`;
  return `Refused (HTTP ${status}).`;
}
