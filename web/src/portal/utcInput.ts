// The portal's date-time fields are <input type="datetime-local">, read as UTC (the dashboard shows every time in
// UTC, the operators' common clock, and the labels say so). These convert between the input's value and the API.

const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-11-30T10:45" (UTC) → "2026-11-30T10:45:00Z"; null when empty or not a real date-time. */
export function utcInputToIso(value: string): string | null {
  const m = INPUT.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, hh, mm, ss] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mm), Number(ss ?? "0"));
  const back = new Date(ms);
  // Date.UTC rolls 31 Feb over into March: such a value is not a date.
  if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d) || Number(hh) > 23 || Number(mm) > 59) return null;
  return back.toISOString().replace(".000Z", "Z");
}

/** An instant as the input's value in UTC, to the minute: "2026-11-30T10:45". */
export function msToUtcInput(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}
