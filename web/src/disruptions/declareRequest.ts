// The declare dialog's values → POST /api/disruptions body. Only the place fields the chosen type takes are sent (the
// host refuses a field the type does not take); values that are not numbers or dates are sent as-is-missing so the
// host's own field errors say what is wrong. Pure, so it is unit-tested.
import type { DeclareRequest } from "../api/disruptionTypes";
import { utcInputToIso } from "../portal/utcInput";

export interface DeclareValues {
  type: string;
  severity: string;
  title: string;
  chokepoint: string;
  locode: string;
  delayDays: string;
  lat: string;
  lon: string;
  radiusKm: string;
  /** datetime-local value, read as UTC. */
  expectedEnd: string;
  note: string;
}

/** Which place inputs a type uses (the dialog shows only those). */
export function placeKind(type: string): "chokepoint" | "port" | "zone" | "none" {
  if (type === "chokepoint-closure") return "chokepoint";
  if (type === "port-closure" || type === "port-congestion" || type === "customs-hold") return "port";
  if (type === "natural-hazard" || type === "security-zone") return "zone";
  return "none";
}

export function takesDelay(type: string): boolean {
  return type === "port-congestion" || type === "customs-hold";
}

export interface BuiltRequest {
  request: DeclareRequest;
  /** Client-side problems (unparseable numbers and dates), keyed by the API's field names. */
  errors: Record<string, string[]>;
}

export function buildDeclareRequest(v: DeclareValues): BuiltRequest {
  const errors: Record<string, string[]> = {};
  const request: DeclareRequest = { type: v.type };
  const number = (field: string, text: string): number | undefined => {
    if (text.trim() === "") return undefined;
    const n = Number(text);
    if (!Number.isFinite(n)) {
      errors[field] = ["must be a number"];
      return undefined;
    }
    return n;
  };
  if (v.severity) request.severity = v.severity;
  if (v.title.trim()) request.title = v.title.trim();
  if (v.note.trim()) request.note = v.note.trim();
  if (v.expectedEnd.trim()) {
    const iso = utcInputToIso(v.expectedEnd);
    if (iso) request.expectedEnd = iso;
    else errors.expectedEnd = ["must be a date and time"];
  }
  switch (placeKind(v.type)) {
    case "chokepoint":
      if (v.chokepoint) request.chokepoint = v.chokepoint;
      break;
    case "port":
      if (v.locode.trim()) request.locode = v.locode.trim().toUpperCase().replace(/\s+/g, "");
      if (takesDelay(v.type)) {
        const delay = number("delayDays", v.delayDays);
        if (delay !== undefined) request.delayDays = delay;
      }
      break;
    case "zone": {
      const lat = number("center", v.lat);
      const lon = number("center", v.lon);
      if (lat !== undefined && lon !== undefined) request.center = { lat, lon };
      const radius = number("radiusKm", v.radiusKm);
      if (radius !== undefined) request.radiusKm = radius;
      break;
    }
    default:
      break;
  }
  return { request, errors };
}
