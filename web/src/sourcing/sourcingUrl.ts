// The page's state in its URL, so a what-if can be shared:
// /sourcing?factory=F-MTY&part=IC-MCU-32F4&view=whatif&scope=part&move=CN-VN-50&move=CN-TH-12.5
// Pure: parsing and serialising are unit-tested (a round trip gives the same state).
import type { RebalanceRequest, ShareMove } from "../api/sourcingTypes";
import { MAX_MOVES } from "./moves";

/** What a what-if covers: a part in the chosen factory, a part in every factory that uses it, or the whole factory. */
export type Scope = "part" | "part-all" | "factory";
export type View = "sourcing" | "whatif";

export interface SourcingState {
  factoryId: string | null;
  partNumber: string | null;
  view: View;
  scope: Scope;
  moves: ShareMove[];
}

const SCOPES: readonly Scope[] = ["part", "part-all", "factory"];
const MOVE = /^([A-Z]{2})-([A-Z]{2})-(\d{1,3}(?:\.\d{1,2})?)$/;
// The host's id rule (TextRules.IsValidId): up to 64 characters, no control characters, no outer white space.
const ID = /^[^\u0000-\u001f\u007f]{1,64}$/;

export function parseState(search: string): SourcingState {
  const p = new URLSearchParams(search);
  const factoryId = id(p.get("factory"));
  const partNumber = id(p.get("part"));
  const view: View = p.get("view") === "whatif" ? "whatif" : "sourcing";
  const asked = p.get("scope") as Scope | null;
  const scope = fitScope(asked && SCOPES.includes(asked) ? asked : partNumber ? "part" : "factory", partNumber);
  const moves: ShareMove[] = [];
  for (const raw of p.getAll("move")) {
    const m = MOVE.exec(raw.trim().toUpperCase());
    if (!m || m[1] === m[2]) continue;
    const pct = Number(m[3]);
    if (pct > 0 && pct <= 100 && moves.length < MAX_MOVES) moves.push({ fromCountry: m[1]!, toCountry: m[2]!, sharePct: pct });
  }
  return { factoryId, partNumber, view, scope, moves };
}

/** The query string of a state, parameters in a stable order; moves only in the what-if view. */
export function stateSearch(s: SourcingState): string {
  const p = new URLSearchParams();
  if (s.factoryId) p.set("factory", s.factoryId);
  if (s.partNumber) p.set("part", s.partNumber);
  if (s.view === "whatif") {
    p.set("view", "whatif");
    p.set("scope", s.scope);
    for (const m of s.moves) if (m.sharePct > 0) p.append("move", `${m.fromCountry}-${m.toCountry}-${round2(m.sharePct)}`);
  }
  const text = p.toString();
  return text ? `?${text}` : "";
}

/** A part scope needs a part: without one the what-if covers the factory. */
export function fitScope(scope: Scope, partNumber: string | null): Scope {
  return partNumber ? scope : "factory";
}

/** The host's request for a state (null when the scope is not complete yet). */
export function requestOf(s: SourcingState, moves: ShareMove[]): RebalanceRequest | null {
  const scope = fitScope(s.scope, s.partNumber);
  if (scope === "part-all") return { partNumber: s.partNumber!, moves };
  if (!s.factoryId) return null;
  return scope === "part" ? { partNumber: s.partNumber!, factoryId: s.factoryId, moves } : { factoryId: s.factoryId, moves };
}

/** The state a saved request opens as (its scope and moves; the factory stays when the request has none). */
export function stateOfRequest(request: RebalanceRequest, current: SourcingState): SourcingState {
  const scope: Scope = request.partNumber ? (request.factoryId ? "part" : "part-all") : "factory";
  return {
    factoryId: request.factoryId ?? current.factoryId,
    partNumber: request.partNumber ?? null,
    view: "whatif",
    scope,
    moves: request.moves.map((m) => ({ ...m })),
  };
}

function id(value: string | null): string | null {
  const v = value?.trim();
  return v && ID.test(v) ? v : null;
}

function round2(x: number): string {
  return String(Math.round(x * 100) / 100);
}
