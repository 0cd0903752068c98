// The signed-in user's session: the bearer token from POST /api/auth/token, kept in localStorage so a
// reload or a second tab stays signed in, and dropped when it expires or the API answers 401.
export type Role = "operator" | "manager" | "supplier" | "admin";

export interface SessionUser {
  username: string;
  displayName: string;
  role: Role;
  supplierId: string | null;
}

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: SessionUser;
}

export const SESSION_KEY = "visibility.session";

/** Sign out this long before expiry, so a request never goes out with a token about to lapse. */
const EXPIRY_MARGIN_MS = 30_000;

export function parseSession(raw: string | null, now: number): Session | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    if (!s || typeof s.accessToken !== "string" || !s.user || typeof s.user.role !== "string") return null;
    const expires = Date.parse(s.expiresAt);
    if (!Number.isFinite(expires) || expires - EXPIRY_MARGIN_MS <= now) return null;
    return s;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  const session = parseSession(localStorage.getItem(SESSION_KEY), Date.now());
  if (!session) localStorage.removeItem(SESSION_KEY);
  return session;
}

export function accessToken(): string {
  return currentSession()?.accessToken ?? "";
}

export function saveSession(session: Session): void {
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

/** Forgets the session and goes to the sign-in page, coming back here afterwards. */
export function signOut(reason?: "expired"): void {
  localStorage.removeItem(SESSION_KEY);
  const next = location.pathname === "/signin" ? "/" : location.pathname + location.search;
  const params = new URLSearchParams({ next });
  if (reason) params.set("reason", reason);
  location.assign(`/signin?${params.toString()}`);
}

/** Which pages each role may open (the API enforces the same rules; this only avoids showing dead pages). */
export const PAGE_ROLES: Record<"map" | "board" | "suppliers" | "portal" | "sourcing", readonly Role[]> = {
  map: ["operator", "manager", "admin"],
  board: ["manager", "admin"],
  suppliers: ["operator", "manager", "admin"],
  // A supplier's own page: it shows the signed-in supplier's data, so no other role has a use for it.
  portal: ["supplier"],
  sourcing: ["manager", "admin"],
};

/** Where a role lands after signing in: managers on their buffer board, suppliers on their portal, everyone else on the map. */
export function homeFor(role: Role): string {
  if (role === "manager") return "/board";
  if (role === "supplier") return "/portal";
  return "/";
}

/** A safe "next" target: only a path on this site, never another origin. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/signin")) return null;
  return next;
}
