// Thin fetch wrappers for the endpoints the dashboard uses. Same origin as the page.
import { accessToken, signOut } from "../auth/session";
import type {
  BufferDetail, Chokepoint, Factory, LaneCollection, Location, ProblemDetails, SeaRoute, ShipmentPage, ShipmentView, StatusHistoryEntry,
  Supplier, Track,
} from "./types";

/** Thrown for any non-2xx answer; carries the status so callers can tell 404 from an outage. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly url: string) {
    super(`HTTP ${status} for ${url}`);
  }
}

/** GET with the session's bearer token; a 401 means the session is over: back to the sign-in page. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json", Authorization: `Bearer ${accessToken()}` }, signal });
  if (response.status === 401) signOut("expired");
  if (!response.ok) throw new HttpError(response.status, url);
  return (await response.json()) as T;
}

/** A write's outcome: the body on success, else the status and the problem details the API sent (null when none). */
export type SendResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; problem: ProblemDetails | null };

/**
 * POST (or another method) a JSON body with the session's token. Refusals are returned, not thrown, since the
 * forms show them next to their fields; only a network failure throws. A 401 ends the session, as for reads.
 */
export async function sendJson<T>(method: string, url: string, body: unknown): Promise<SendResult<T>> {
  const response = await fetch(url, {
    method,
    headers: { Accept: "application/json", "Content-Type": "application/json", Authorization: `Bearer ${accessToken()}` },
    body: JSON.stringify(body),
  });
  if (response.status === 401) signOut("expired");
  if (response.ok) return { ok: true, status: response.status, data: (await response.json()) as T };
  let problem: ProblemDetails | null = null;
  try {
    problem = (await response.json()) as ProblemDetails;
  } catch {
    // Not JSON (a proxy's error page): the status alone has to do.
  }
  return { ok: false, status: response.status, problem };
}

export const api = {
  lanes: (signal?: AbortSignal) => getJson<LaneCollection>("/api/map/lanes", signal),
  ports: (signal?: AbortSignal) => getJson<Location[]>("/api/locations?kind=port&limit=500", signal),
  chokepoints: async (signal?: AbortSignal) =>
    (await getJson<RawChokepoint[]>("/api/routes/chokepoints", signal)).map(normaliseChokepoint),
  shipment: (id: string, signal?: AbortSignal) =>
    getJson<ShipmentView>(`/api/shipments/${encodeURIComponent(id)}`, signal),
  route: (id: string, signal?: AbortSignal) =>
    getJson<SeaRoute>(`/api/shipments/${encodeURIComponent(id)}/route`, signal),
  track: (id: string, signal?: AbortSignal) =>
    getJson<Track>(`/api/shipments/${encodeURIComponent(id)}/track`, signal),
  factories: (signal?: AbortSignal) => getJson<Factory[]>("/api/factories", signal),
  /** One buffer with its 90-day projected on hand. */
  bufferDetail: (factoryId: string, partNumber: string, signal?: AbortSignal) =>
    getJson<BufferDetail>(`/api/factories/${encodeURIComponent(factoryId)}/buffers/${encodeURIComponent(partNumber)}`, signal),
  suppliers: (signal?: AbortSignal) => getJson<Supplier[]>("/api/suppliers", signal),
  supplier: (id: string, signal?: AbortSignal) =>
    getJson<Supplier>(`/api/suppliers/${encodeURIComponent(id)}`, signal),
  location: (locode: string, signal?: AbortSignal) => getJson<Location>(`/api/locations/${encodeURIComponent(locode)}`, signal),
  /** Shipments the caller may see (a supplier user: its own), one page. */
  shipments: (limit: number, signal?: AbortSignal) => getJson<ShipmentPage>(`/api/shipments?limit=${limit}`, signal),
  /** Everything the supplier posted, newest first. */
  supplierHistory: (id: string, signal?: AbortSignal) =>
    getJson<StatusHistoryEntry[]>(`/api/suppliers/${encodeURIComponent(id)}/status-history`, signal),
};

/**
 * The contract puts a chokepoint's lat/lon at the top level; the host as of this writing nests
 * them under `point`. Accept both so the labels show either way (reported to the host owner).
 */
type RawChokepoint = Partial<Chokepoint> & { name: string; displayName: string; point?: { lat: number; lon: number } };

function normaliseChokepoint(raw: RawChokepoint): Chokepoint {
  return {
    name: raw.name,
    displayName: raw.displayName,
    lat: raw.lat ?? raw.point?.lat ?? Number.NaN,
    lon: raw.lon ?? raw.point?.lon ?? Number.NaN,
  };
}
