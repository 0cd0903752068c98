// The "post milestone" form's rules, as the API checks a milestone's fields (MilestoneRequest). Whether it may follow
// what is recorded (order, delivered closes the shipment) is the API's call: its 409 reason is shown as is.
import type { Milestone, MilestoneCode } from "../api/types";
import { textProblem } from "./textRules";
import { utcInputToIso } from "./utcInput";
import type { Checked } from "./statusRules";

/** In the order a shipment normally passes them. */
export const MILESTONE_CODES: readonly MilestoneCode[] = [
  "booked", "gate-in", "loaded", "departed", "transshipment", "arrived", "discharged", "customs-hold", "customs-cleared", "delivered",
];

export const MILESTONE_LABEL: Record<MilestoneCode, string> = {
  "booked": "Booked",
  "gate-in": "Gate in",
  "loaded": "Loaded",
  "departed": "Departed",
  "transshipment": "Transshipment",
  "arrived": "Arrived",
  "discharged": "Discharged",
  "customs-hold": "Customs hold",
  "customs-cleared": "Customs cleared",
  "delivered": "Delivered",
};

/** The API allows a little clock skew; a time further ahead is refused there as "in the future". */
const MAX_AHEAD_MS = 5 * 60_000;
const LOCODE = /^[A-Za-z]{2}[A-Za-z2-9]{3}$/;

export interface MilestoneInput {
  shipmentId: string;
  code: string;
  at: string;
  locode: string;
  note: string;
}

/** POST /api/shipments/{id}/milestones body (the id goes in the URL). */
export interface MilestoneBody {
  code: MilestoneCode;
  at: string;
  locode: string | null;
  note: string | null;
}

export function isMilestoneCode(value: string): value is MilestoneCode {
  return (MILESTONE_CODES as readonly string[]).includes(value);
}

export function validateMilestone(input: MilestoneInput, shipmentIds: readonly string[], nowMs: number): Checked<MilestoneBody> {
  const errors: Record<string, string> = {};
  if (!shipmentIds.includes(input.shipmentId)) errors.shipmentId = "choose one of your shipments";
  if (!isMilestoneCode(input.code)) errors.code = "choose a milestone";
  const at = utcInputToIso(input.at);
  if (input.at.trim() === "") errors.at = "is required";
  else if (at === null) errors.at = "must be a date and time";
  else if (Date.parse(at) > nowMs + MAX_AHEAD_MS) errors.at = "is in the future";
  const locode = input.locode.trim().toUpperCase();
  if (locode !== "" && !LOCODE.test(locode)) errors.locode = "must be a 5-character UN/LOCODE such as CNSHA";
  const noteProblem = textProblem(input.note, 2_000);
  if (noteProblem) errors.note = noteProblem;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { code: input.code as MilestoneCode, at: at!, locode: locode || null, note: input.note.trim() === "" ? null : input.note } };
}

/** The latest milestone by code order (what the API compares a new one with), or null. */
export function latestMilestone(recorded: readonly Milestone[]): Milestone | null {
  let latest: Milestone | null = null;
  for (const m of recorded) {
    if (!latest || MILESTONE_CODES.indexOf(m.code) >= MILESTONE_CODES.indexOf(latest.code)) latest = m;
  }
  return latest;
}

/** The usual next step: transshipment and customs holds are exceptions, so the path skips them. */
const USUAL_NEXT: Record<MilestoneCode, MilestoneCode | null> = {
  "booked": "gate-in",
  "gate-in": "loaded",
  "loaded": "departed",
  "departed": "arrived",
  "transshipment": "arrived",
  "arrived": "discharged",
  "discharged": "customs-cleared",
  "customs-hold": "customs-cleared",
  "customs-cleared": "delivered",
  "delivered": null,
};

/** The milestone a shipment normally reaches next (the form's default), null once delivered. */
export function nextMilestone(recorded: readonly Milestone[]): MilestoneCode | null {
  const latest = latestMilestone(recorded);
  return latest ? USUAL_NEXT[latest.code] : "booked";
}
