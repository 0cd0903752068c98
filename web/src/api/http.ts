// Thin fetch wrappers for the endpoints the dashboard uses. Same origin as the page.
import { accessToken, signOut } from "../auth/session";
import type { DeclareRequest, DisruptionImpact, DisruptionView } from "./disruptionTypes";
import type { FactorySourcing, RebalanceRequest, RebalanceResult, SavedScenario, Section301Answer } from "./sourcingTypes";
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

/** The answer to a write: the body on 2xx, else the status and the problem details (field errors) the host sent. */
export type SendResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; problem: ProblemDetails };

/**
 * POST/PUT JSON with the session's bearer token. A refusal is a value, not an exception, so a form can show the
 * host's field errors next to the fields; only a network failure or an abort throws.
 */
export async function sendJson<T>(method: "POST" | "PUT", url: string, body: unknown, signal?: AbortSignal): Promise<SendResult<T>> {
  const response = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${accessToken()}` },
    body: JSON.stringify(body),
    signal,
  });
  if (response.status === 401) signOut("expired");
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.ok) return { ok: true, status: response.status, data: parsed as T };
  const problem = parsed && typeof parsed === "object" ? (parsed as ProblemDetails) : { status: response.status, title: `HTTP ${response.status}` };
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
  /** Each part's shares, concentration, category, Section 301 duty and sea lead time (managers and admins). */
  sourcing: (factoryId: string, signal?: AbortSignal) =>
    getJson<FactorySourcing>(`/api/factories/${encodeURIComponent(factoryId)}/sourcing`, signal),
  section301: (hts: string, query: { origin: string; annualQuantity?: number; unitValueUsd?: number }, signal?: AbortSignal) => {
    const p = new URLSearchParams({ origin: query.origin });
    if (query.annualQuantity !== undefined && query.unitValueUsd !== undefined) {
      p.set("annualQuantity", String(query.annualQuantity));
      p.set("unitValueUsd", String(query.unitValueUsd));
    }
    return getJson<Section301Answer>(`/api/tariffs/section301/${encodeURIComponent(hts)}?${p.toString()}`, signal);
  },
  rebalance: (request: RebalanceRequest, signal?: AbortSignal) => sendJson<RebalanceResult>("POST", "/api/scenarios/rebalance", request, signal),
  saveScenario: (name: string, request: RebalanceRequest) => sendJson<SavedScenario>("POST", "/api/scenarios", { name, request }),
  /** Saved what-ifs, newest first, without their part rows. */
  scenarios: (signal?: AbortSignal) => getJson<SavedScenario[]>("/api/scenarios", signal),
  scenario: (id: string, signal?: AbortSignal) => getJson<SavedScenario>(`/api/scenarios/${encodeURIComponent(id)}`, signal),
  declareDisruption: (request: DeclareRequest) => sendJson<DisruptionView>("POST", "/api/disruptions", request),
  resolveDisruption: (id: string) => sendJson<DisruptionView>("POST", `/api/disruptions/${encodeURIComponent(id)}/resolve`, {}),
  disruptionImpact: (id: string, signal?: AbortSignal) =>
    getJson<DisruptionImpact>(`/api/disruptions/${encodeURIComponent(id)}/impact?limit=50`, signal),
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
