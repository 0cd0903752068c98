// Row identity and the board's order. Pure: no DOM, so the rules are unit-tested directly.
import type { BufferRow } from "../api/types";

/** A buffer is one factory × part; the key is what deltas replace by. */
export function rowKey(row: Pick<BufferRow, "factoryId" | "partNumber">): string {
  // U+001F cannot appear in ids (the API refuses control characters), so keys never collide.
  return `${row.factoryId}\u001f${row.partNumber}`;
}

/**
 * Most urgent first: lowest planning priority % (net flow as a share of top of green), then factory and part so
 * equal priorities keep a stable, predictable order. The host sorts the same way.
 */
export function compareByPriority(a: BufferRow, b: BufferRow): number {
  return a.planningPriorityPct - b.planningPriorityPct
    || compareOrdinal(a.factoryId, b.factoryId)
    || compareOrdinal(a.partNumber, b.partNumber);
}

export function sortByPriority(rows: Iterable<BufferRow>): BufferRow[] {
  return [...rows].sort(compareByPriority);
}

function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
