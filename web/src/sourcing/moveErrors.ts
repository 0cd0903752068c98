// The host's field errors for a what-if, sorted to where the user can act on them: each move's errors next to that
// move, the rest (scope, name, unknown part) above the result. Pure, unit-tested.
import type { ProblemDetails } from "../api/sourcingTypes";

export interface SortedErrors {
  /** Editor move index → messages. */
  byMove: Map<number, string[]>;
  /** Errors about the scope, the name or the request as a whole. */
  general: string[];
}

// "moves[0].sharePct", "moves (F-MTY IC-1)[2].fromCountry" (a part across factories), "request.moves[1].toCountry" (save).
const MOVE_FIELD = /^(?:request\.)?moves(?: \(([^)]*)\))?\[(\d+)\](?:\.(\w+))?$/;

const FIELD_LABEL: Record<string, string> = { sharePct: "Share", fromCountry: "From", toCountry: "To" };

/**
 * @param index editor index of each move sent (moves at 0 % are not sent, so the host's numbering differs).
 */
export function sortErrors(problem: ProblemDetails, index: readonly number[]): SortedErrors {
  const byMove = new Map<number, string[]>();
  const general: string[] = [];
  for (const [field, messages] of Object.entries(problem.errors ?? {})) {
    const m = MOVE_FIELD.exec(field);
    const sent = m ? Number(m[2]) : -1;
    if (m && sent < index.length) {
      const where = m[1] ? `${m[1]}: ` : "";
      const what = m[3] ? `${FIELD_LABEL[m[3]] ?? m[3]}: ` : "";
      const list = byMove.get(index[sent]!) ?? [];
      for (const text of messages) list.push(`${where}${what}${text}`);
      byMove.set(index[sent]!, list);
    } else {
      for (const text of messages) general.push(`${fieldLabel(field)}${text}`);
    }
  }
  if (byMove.size === 0 && general.length === 0) general.push(problem.detail ?? problem.title ?? `HTTP ${problem.status ?? "error"}`);
  return { byMove, general };
}

function fieldLabel(field: string): string {
  const f = field.replace(/^request\./, "");
  if (f === "partNumber") return "Part: ";
  if (f === "factoryId") return "Factory: ";
  if (f === "name") return "Name ";
  if (f === "moves" || f.startsWith("moves (")) return "Moves: ";
  return f ? `${f}: ` : "";
}
