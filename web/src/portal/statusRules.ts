// The "post site status" form's rules, as the API checks them (SupplierStatusRequest) plus two that only make sense
// in a person's hands: a capacity typed as text must be a number, and an expected recovery lies ahead.
import type { SiteStatus } from "../api/types";
import { isSiteStatus } from "../suppliers/siteStatus";
import { textProblem } from "./textRules";
import { utcInputToIso } from "./utcInput";

export const NOTE_MAX = 2_000;

/** What the form holds, as typed. `siteId` "" means every site. */
export interface StatusInput {
  siteId: string;
  status: string;
  capacityPct: string;
  expectedRecovery: string;
  note: string;
}

/** POST /api/suppliers/{id}/status body. */
export interface StatusBody {
  siteId: string | null;
  status: SiteStatus;
  capacityPct: number;
  expectedRecovery: string | null;
  note: string | null;
}

export type Checked<T> = { ok: true; body: T } | { ok: false; errors: Record<string, string> };

export function validateStatus(input: StatusInput, siteIds: readonly string[], nowMs: number): Checked<StatusBody> {
  const errors: Record<string, string> = {};
  if (input.siteId !== "" && !siteIds.includes(input.siteId)) errors.siteId = "choose one of your sites, or all sites";
  if (!isSiteStatus(input.status)) errors.status = "choose operating, reduced or halted";

  const text = input.capacityPct.trim();
  const capacity = Number(text);
  if (text === "") errors.capacityPct = "is required (0–100 %)";
  else if (!Number.isFinite(capacity)) errors.capacityPct = "must be a number";
  else if (capacity < 0 || capacity > 100) errors.capacityPct = "must be between 0 and 100";

  let recovery: string | null = null;
  if (input.expectedRecovery.trim() !== "") {
    recovery = utcInputToIso(input.expectedRecovery);
    if (recovery === null) errors.expectedRecovery = "must be a date and time";
    else if (Date.parse(recovery) <= nowMs) errors.expectedRecovery = "must be in the future";
  }

  const noteProblem = textProblem(input.note, NOTE_MAX);
  if (noteProblem) errors.note = noteProblem;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      siteId: input.siteId === "" ? null : input.siteId,
      status: input.status as SiteStatus,
      capacityPct: capacity,
      expectedRecovery: recovery,
      note: input.note.trim() === "" ? null : input.note,
    },
  };
}

/** The capacity a status usually goes with, offered when the status changes and the capacity was not typed. */
export function typicalCapacity(status: string): string | null {
  if (status === "halted") return "0";
  if (status === "operating") return "100";
  return null;
}
