// "3 min ago" for the last update column: coarse on purpose (one unit), because the column is
// scanned, not read, and it is re-rendered only every few seconds.
import { parseTime } from "../ui/format";

export function formatSince(iso: string | null | undefined, nowMs: number): string {
  const t = parseTime(iso);
  if (t === null) return "never";
  const s = Math.floor((nowMs - t) / 1000);
  // A post stamped slightly ahead of this browser's clock is news, not the future.
  if (s < 45) return "just now";
  if (s < 90) return "1 min ago";
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const hours = Math.floor(min / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** "in 3 d", "in 5 h", "overdue 2 h" for an expected recovery time. */
export function formatUntil(iso: string | null | undefined, nowMs: number): string {
  const t = parseTime(iso);
  if (t === null) return "";
  const ahead = t - nowMs;
  const span = coarse(Math.abs(ahead));
  return ahead >= 0 ? `in ${span}` : `overdue ${span}`;
}

function coarse(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${Math.max(1, min)} min`;
  const hours = Math.round(min / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}
