// Calendar arithmetic on "YYYY-MM-DD" dates in UTC, the platform's clock for buffers and projections.

const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The UTC calendar day of an instant, as "YYYY-MM-DD". */
export function utcDay(instantMs: number): string {
  return new Date(instantMs).toISOString().slice(0, 10);
}

/** Day number of "YYYY-MM-DD" (days since 1970-01-01), or null when it is not such a date. */
export function dayNumber(date: string | null | undefined): number | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Number.isNaN(t) ? null : Math.round(t / DAY_MS);
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); null if either is missing. */
export function daysBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** The UTC day of an RFC 3339 instant ("2026-03-14T08:00:00Z" → "2026-03-14"). */
export function dayOfInstant(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : utcDay(t);
}

/** "14 Mar" (adds the year when it differs from `todayDate`'s). */
export function formatDay(date: string | null | undefined, todayDate?: string): string {
  const n = dayNumber(date);
  if (n === null) return "—";
  const d = new Date(n * DAY_MS);
  const sameYear = !todayDate || todayDate.slice(0, 4) === date!.slice(0, 4);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${sameYear ? "" : ` ${d.getUTCFullYear()}`}`;
}
