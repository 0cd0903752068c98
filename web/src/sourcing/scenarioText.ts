// Words for saved what-ifs: their scope and moves in one line, and the pick of two to compare. Pure, unit-tested.
import type { RebalanceRequest, ShareMove } from "../api/sourcingTypes";
import { formatShare } from "./sourcingFormat";

export function scopeText(request: Pick<RebalanceRequest, "partNumber" | "factoryId">): string {
  if (request.partNumber && request.factoryId) return `${request.partNumber} in ${request.factoryId}`;
  if (request.partNumber) return `${request.partNumber} in every factory`;
  return request.factoryId ? `all parts of ${request.factoryId}` : "—";
}

/** "CN→VN 50 %, CN→TH 12.5 %". */
export function movesText(moves: readonly ShareMove[]): string {
  return moves.length === 0 ? "no moves" : moves.map((m) => `${m.fromCountry}→${m.toCountry} ${formatShare(m.sharePct)}`).join(", ");
}

/**
 * The scenarios picked for comparison after a click on `id`: a click on a picked one drops it; a third pick drops
 * the earliest, so the latest two picks are compared.
 */
export function togglePick(picked: readonly string[], id: string): string[] {
  if (picked.includes(id)) return picked.filter((p) => p !== id);
  return [...picked, id].slice(-2);
}

/** A suggested name for the what-if on screen: "IC-MCU-32F4 in F-MTY: CN→VN 50 %". */
export function suggestedName(request: RebalanceRequest): string {
  return `${scopeText(request)}: ${movesText(request.moves)}`.slice(0, 120);
}
