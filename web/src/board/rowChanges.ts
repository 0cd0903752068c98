// What changed in a board row that the manager must notice, and how urgent its stock-out date is. Pure.
import type { BufferRow } from "../api/types";
import { daysBetween } from "./boardDates";

export interface RowChange {
  zone: boolean;
  stockout: boolean;
  /** The worst status of the supplying sites changed (e.g. a site halted). */
  supply: boolean;
}

/**
 * A row flashes when its zone, its projected stock-out date or its supply status moves: those are the facts a
 * planner acts on. Figures that drift every minute (on hand after usage, ETA minutes) do not, or the board would
 * never be still. A row seen for the first time does not flash: at page load everything would.
 */
export function rowChange(previous: BufferRow | undefined, next: BufferRow): RowChange {
  if (!previous) return { zone: false, stockout: false, supply: false };
  return {
    zone: previous.zone !== next.zone,
    stockout: (previous.projectedStockout ?? null) !== (next.projectedStockout ?? null),
    supply: (previous.supplyStatus ?? null) !== (next.supplyStatus ?? null),
  };
}

export function shouldFlash(change: RowChange): boolean {
  return change.zone || change.stockout || change.supply;
}

/**
 * How close the projected stock-out is, measured in the buffer's own horizons:
 * - "red": inside the red zone expressed in days of usage (red ÷ ADU): the safety stock cannot cover the gap;
 * - "lead-time": inside the decoupled lead time (yellow ÷ ADU): an order placed today arrives too late;
 * - "later": beyond both; "none": no stock-out within the projection.
 */
export type StockoutUrgency = "red" | "lead-time" | "later" | "none";

export function stockoutUrgency(row: Pick<BufferRow, "projectedStockout" | "red" | "yellow" | "adu">, today: string): StockoutUrgency {
  const days = daysBetween(today, row.projectedStockout);
  if (days === null) return "none";
  if (!(row.adu > 0)) return "later";
  if (days <= row.red / row.adu) return "red";
  if (days <= row.yellow / row.adu) return "lead-time";
  return "later";
}
