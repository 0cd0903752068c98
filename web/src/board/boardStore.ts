// The board's rows keyed by factory × part, as the live feed reports them. Records which rows changed since the
// table last drew them and which of those must flash, so the view only touches what moved. Pure: no DOM.
import type { BufferRow } from "../api/types";
import { rowKey } from "./boardRows";
import { rowChange, shouldFlash } from "./rowChanges";
import { utcDay } from "./boardDates";

export interface PendingChanges {
  /** Keys whose row was added, replaced or removed since the last take. */
  changed: Set<string>;
  /** Keys whose zone or projected stock-out moved: the table flashes them. */
  flash: Set<string>;
  /** Something was added or removed or a priority moved: the order must be recomputed. */
  reorder: boolean;
}

export class BoardStore {
  readonly rows = new Map<string, BufferRow>();
  /** The server's time of the last snapshot or delta ("today" for stock-out horizons follows the server). */
  serverAt: string | null = null;
  private pending: PendingChanges = emptyChanges();
  private loaded = false;

  get hasSnapshot(): boolean {
    return this.loaded;
  }

  /** Today's UTC date on the server's clock (the client's when nothing has arrived yet). */
  today(nowMs = Date.now()): string {
    const t = this.serverAt ? Date.parse(this.serverAt) : NaN;
    return utcDay(Number.isNaN(t) ? nowMs : t);
  }

  /** A full picture: rows missing from it are gone (e.g. removed while we were disconnected). */
  applySnapshot(rows: readonly BufferRow[], at: string): void {
    const seen = new Set<string>();
    for (const row of rows) seen.add(this.put(row));
    for (const key of [...this.rows.keys()]) {
      if (seen.has(key)) continue;
      this.rows.delete(key);
      this.pending.changed.add(key);
      this.pending.reorder = true;
    }
    this.serverAt = at;
    this.loaded = true;
  }

  /** Full rows that changed; each replaces the row with the same factory × part. */
  applyDelta(rows: readonly BufferRow[], at: string): void {
    for (const row of rows) this.put(row);
    this.serverAt = at;
  }

  get hasPending(): boolean {
    return this.pending.changed.size > 0 || this.pending.reorder;
  }

  /** Hands the accumulated changes to the view and starts a new set. */
  takeChanges(): PendingChanges {
    const taken = this.pending;
    this.pending = emptyChanges();
    return taken;
  }

  private put(row: BufferRow): string {
    const key = rowKey(row);
    const previous = this.rows.get(key);
    if (previous && sameRow(previous, row)) return key;
    this.rows.set(key, row);
    this.pending.changed.add(key);
    if (!previous || previous.planningPriorityPct !== row.planningPriorityPct) this.pending.reorder = true;
    if (shouldFlash(rowChange(previous, row))) this.pending.flash.add(key);
    return key;
  }
}

/** A re-sent row that is the same changes nothing (a snapshot after a reconnect repeats every row). */
function sameRow(a: BufferRow, b: BufferRow): boolean {
  return a.updatedAt === b.updatedAt && JSON.stringify(a) === JSON.stringify(b);
}

function emptyChanges(): PendingChanges {
  return { changed: new Set(), flash: new Set(), reorder: false };
}
