// The what-if's moves and what each may take: pure, unit-tested. A move takes percentage points of volume from one
// country to another, in order. The limits follow the host (Sourcing/RebalanceService.cs): a part-level move must fit
// exactly in every part in scope (so in a part across factories, in the one that holds least), while a factory-wide
// move is capped per part at what that part holds (so it may ask up to what the part holding most has).
import type { CountryShare, PartSourcingView, ShareMove } from "../api/sourcingTypes";
import { CHINA_PLUS_ONE } from "./countries";

export const MAX_MOVES = 20;
const EPS = 1e-9;

/** What the moves act on: each sourced part in scope with its weight (yearly value, or quantity when no values). */
export interface MoveBasis {
  parts: ReadonlyArray<{ weight: number; shares: Readonly<Record<string, number>> }>;
  /** Factory-wide: each part gives at most what it holds. Part-level: every part must hold the full move. */
  capped: boolean;
}

/** Where move i stands, given the moves before it. */
export interface MoveLimit {
  /** Percent of the scope's volume each country holds at this point (capped: value-weighted; exact: the least any part holds). */
  held: CountryShare[];
  /** The most this move's from-country can give (exact: what every part can give; capped: what the largest holder can). */
  max: number;
}

/** The basis of a part-level or factory-wide what-if from sourcing views; parts without known sources do not count. */
export function basisOf(parts: readonly PartSourcingView[], capped: boolean): MoveBasis {
  const sourced = parts.filter((p) => p.countryShares.length > 0);
  const valued = sourced.some((p) => (p.unitValueUsd ?? 0) > 0);
  return {
    capped,
    parts: sourced.map((p) => ({
      weight: valued ? p.annualQuantity * (p.unitValueUsd ?? 0) : p.annualQuantity,
      shares: Object.fromEntries(p.countryShares.map((s) => [s.country, s.sharePct])),
    })),
  };
}

/** The limit of every move in order, as the host would apply them. */
export function moveLimits(basis: MoveBasis, moves: readonly ShareMove[]): MoveLimit[] {
  const held = basis.parts.map((p) => ({ ...p.shares }));
  const limits: MoveLimit[] = [];
  for (const move of moves) {
    limits.push({ held: heldNow(basis, held), max: maxFrom(basis, held, move.fromCountry) });
    for (const part of held) {
      const have = part[move.fromCountry] ?? 0;
      // Exact moves past the limit are refused by the host; follow on with what could move so later limits stay sensible.
      const take = Math.max(0, Math.min(move.sharePct, have));
      if (take <= EPS || move.fromCountry === move.toCountry) continue;
      part[move.fromCountry] = have - take;
      part[move.toCountry] = (part[move.toCountry] ?? 0) + take;
    }
  }
  return limits;
}

/** What the scope holds after all the moves (the next move's starting point). */
export function heldAfter(basis: MoveBasis, moves: readonly ShareMove[]): CountryShare[] {
  const end = moveLimits(basis, [...moves, { fromCountry: "", toCountry: "", sharePct: 0 }]);
  return end[end.length - 1]!.held;
}

function heldNow(basis: MoveBasis, held: ReadonlyArray<Record<string, number>>): CountryShare[] {
  const countries = new Set(held.flatMap((p) => Object.keys(p)));
  const out: CountryShare[] = [];
  const total = basis.parts.reduce((sum, p) => sum + p.weight, 0);
  for (const country of countries) {
    const pct = basis.capped
      ? (total > 0 ? held.reduce((sum, p, i) => sum + basis.parts[i]!.weight * (p[country] ?? 0), 0) / total : 0)
      : Math.min(...held.map((p) => p[country] ?? 0));
    if (pct > EPS) out.push({ country, sharePct: round(pct, 2) });
  }
  return out.sort((a, b) => b.sharePct - a.sharePct || (a.country < b.country ? -1 : 1));
}

function maxFrom(basis: MoveBasis, held: ReadonlyArray<Record<string, number>>, country: string): number {
  if (held.length === 0) return 0;
  const values = held.map((p) => p[country] ?? 0);
  return round(basis.capped ? Math.max(...values) : Math.min(...values), 2);
}

/** A sensible next move: from the largest holder to the first China+1 country that is not it, 10 points or less. */
export function newMove(basis: MoveBasis, moves: readonly ShareMove[]): ShareMove | null {
  if (moves.length >= MAX_MOVES) return null;
  const held = heldAfter(basis, moves);
  const from = held[0]?.country;
  if (!from) return null;
  const to = CHINA_PLUS_ONE.find((c) => c !== from && !held.some((h) => h.country === c)) ?? CHINA_PLUS_ONE.find((c) => c !== from)!;
  const limit = moveLimits(basis, [...moves, { fromCountry: from, toCountry: to, sharePct: 0 }]).at(-1)!.max;
  return { fromCountry: from, toCountry: to, sharePct: Math.min(10, Math.floor(limit)) || limit };
}

/**
 * Move i with some fields changed. A from-country equal to the move's to-country sends the volume elsewhere (the first
 * China+1 country that differs); a to-country equal to the from-country is refused (the select does not offer it).
 */
export function updateMove(moves: readonly ShareMove[], i: number, patch: Partial<ShareMove>): ShareMove[] {
  return moves.map((m, j) => {
    if (j !== i) return m;
    if (patch.toCountry !== undefined && patch.toCountry === (patch.fromCountry ?? m.fromCountry)) return m;
    const next = { ...m, ...patch };
    if (next.fromCountry === next.toCountry) next.toCountry = CHINA_PLUS_ONE.find((c) => c !== next.fromCountry)!;
    return next;
  });
}

export function removeMove(moves: readonly ShareMove[], i: number): ShareMove[] {
  return moves.filter((_, j) => j !== i);
}

/** Countries the from-select offers for move i: those holding something at that point, plus its current choice. */
export function fromOptions(limit: MoveLimit, current: string): CountryShare[] {
  const options = [...limit.held];
  if (current && !options.some((o) => o.country === current)) options.push({ country: current, sharePct: 0 });
  return options;
}

/**
 * The moves the host is asked about: those that move something (a 0 % move is still being set up), with the index of
 * each in the editor so the host's field errors ("moves[1].sharePct") land next to the right move.
 */
export function effectiveMoves(moves: readonly ShareMove[]): { moves: ShareMove[]; index: number[] } {
  const out: ShareMove[] = [];
  const index: number[] = [];
  moves.forEach((m, i) => {
    if (m.sharePct > 0 && m.fromCountry && m.toCountry) {
      out.push(m);
      index.push(i);
    }
  });
  return { moves: out, index };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
