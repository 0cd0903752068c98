// Thin fetch wrappers for the read endpoints the dashboard uses. Same origin as the page.
import { accessToken, signOut } from "../auth/session";
import type {
  BufferDetail, Chokepoint, Factory, LaneCollection, Location, SeaRoute, ShipmentView, StatusHistoryEntry, Supplier, Track,
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
