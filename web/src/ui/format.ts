// Human formatting for the panels. Times are shown in UTC, the operators' common clock.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** "21 Nov 14:05 UTC" */
export function formatTime(iso: string | null | undefined): string {
  const t = parseTime(iso);
  if (t === null) return "—";
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "14:05:09" (UTC), for the alert feed. */
export function formatClock(iso: string | null | undefined): string {
  const t = parseTime(iso);
  if (t === null) return "—";
  const d = new Date(t);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A duration in ms as "45 s", "12 min", "3 h 20 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const hours = Math.floor(min / 60);
  if (hours < 48) return min % 60 ? `${hours} h ${min % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** "3 h 20 min ago" relative to `nowMs`. */
export function formatAgo(iso: string | null | undefined, nowMs: number): string {
  const t = parseTime(iso);
  if (t === null) return "—";
  const d = nowMs - t;
  return d < 0 ? `in ${formatDuration(-d)}` : `${formatDuration(d)} ago`;
}

/** "+5.2 h late", "on time", "1.5 h early". */
export function formatDelay(hours: number): string {
  if (Math.abs(hours) < 0.05) return "on time";
  if (hours > 0) return hours >= 48 ? `+${(hours / 24).toFixed(1)} d late` : `+${hours.toFixed(1)} h late`;
  return `${(-hours).toFixed(1)} h early`;
}

export function formatKm(km: number | null | undefined): string {
  if (km === null || km === undefined || !Number.isFinite(km)) return "—";
  return `${Math.round(km).toLocaleString("en-US")} km`;
}

export function formatNumber(n: number): string {
  return n.toLocaleString("en-US");
}

const COMPASS = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"];

/** "084° E" */
export function formatHeading(deg: number | null | undefined): string {
  if (deg === null || deg === undefined || !Number.isFinite(deg)) return "—";
  const d = ((deg % 360) + 360) % 360;
  return `${String(Math.round(d) % 360).padStart(3, "0")}° ${COMPASS[Math.round(d / 22.5) % 16]}`;
}

export function formatKnots(kn: number | null | undefined): string {
  if (kn === null || kn === undefined || !Number.isFinite(kn)) return "—";
  return `${kn.toFixed(1)} kn`;
}

export function formatTemp(c: number | null | undefined): string {
  if (c === null || c === undefined || !Number.isFinite(c)) return "—";
  return `${c.toFixed(1)} °C`;
}
