// Wire types of the Visibility HTTP API and the /hubs/live SignalR hub (contract v1).
// JSON is camelCase and times are RFC 3339 UTC strings; these types mirror that exactly.

export type Mode = "ocean" | "air" | "truck";
export type ShipmentStatus = "planned" | "in-transit" | "arrived" | "delivered";
export type AlertKind = "cold-chain" | "off-route" | "stalled" | "late" | "silent" | "hazard" | "security";

export interface Location {
  locode: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  kinds: string[];
}

export interface Chokepoint {
  name: string;
  displayName: string;
  lat: number;
  lon: number;
}

/** [lon, lat] as in GeoJSON. */
export type LonLat = [number, number];

export interface SeaRoute {
  distanceKm: number;
  path: LonLat[];
  passes: string[];
  /** Newer hosts: the shipment was re-planned around a disruption; the booked route is `originalPath`. */
  rerouted?: boolean;
  originalPath?: LonLat[] | null;
  originalDistanceKm?: number | null;
  /** Chokepoints the current route avoids. */
  avoid?: string[] | null;
}

export interface LaneCollection {
  type: "FeatureCollection";
  features: Array<{
    type: "Feature";
    properties?: Record<string, unknown> | null;
    geometry: { type: "LineString"; coordinates: LonLat[] } | { type: "MultiLineString"; coordinates: LonLat[][] };
  }>;
}

export interface Telemetry {
  at: string;
  speedKnots: number | null;
  headingDeg: number | null;
  temperatureC: number | null;
  humidityPct: number | null;
  shockG: number | null;
  doorOpen: boolean | null;
  batteryPct: number | null;
}

export interface Alert {
  kind: AlertKind;
  openedAt: string;
  message: string;
}

export interface CargoLine {
  partNumber: string;
  quantity: number;
  factoryId?: string | null;
}

export interface Reefer {
  minC: number;
  maxC: number;
}

export interface ShipmentView {
  id: string;
  reference: string;
  mode: Mode;
  origin: string;
  destination: string;
  originName: string;
  destinationName: string;
  status: ShipmentStatus;
  position: { lat: number; lon: number; at: string } | null;
  headingDeg: number | null;
  speedKnots: number | null;
  progressPct: number;
  distanceKm: number;
  distanceRemainingKm: number;
  plannedDeparture: string;
  plannedEta: string;
  eta: string;
  delayHours: number;
  lastTelemetry: Telemetry | null;
  alerts: Alert[];
  cargo: CargoLine[];
  reefer: Reefer | null;
  passes: string[];
  temperatureHistory: Array<{ at: string; c: number }>;
  readings: number;
  arrivedAt?: string | null;
  /** Milestones posted for it (booked … delivered), in the order they were recorded. */
  milestones?: Milestone[];
  /** The supplier that ships it; null when none is named. */
  supplierId?: string | null;
  /** Newer hosts: re-planned around a disruption (distanceKm is the new route, plannedDistanceKm the booked one). */
  rerouted?: boolean;
  plannedDistanceKm?: number | null;
  disruptions?: ShipmentDisruption[];
}

/** A disruption that reaches a shipment; `effect` is e.g. "rerouted", "delayed", "in-zone", "stranded". */
export interface ShipmentDisruption {
  id: string;
  type: string;
  title: string;
  effect: string;
  addedDays: number;
}

export type MilestoneCode =
  | "booked" | "gate-in" | "loaded" | "departed" | "transshipment" | "arrived" | "discharged" | "customs-hold" | "customs-cleared" | "delivered";

export interface Milestone {
  code: MilestoneCode;
  at: string;
  locode: string | null;
  note: string | null;
}

export interface ShipmentPage {
  total: number;
  offset: number;
  limit: number;
  items: ShipmentView[];
}

/** RFC 9457 problem details; `errors` maps a field (or JSON path) to its messages. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}

export interface TrackPoint {
  at: string;
  lat: number;
  lon: number;
  speedKnots?: number | null;
  temperatureC?: number | null;
}

export interface Track {
  shipmentId: string;
  points: TrackPoint[];
}

// ---- hub ----

/** Compact marker: [id, lat, lon, headingDeg, mode, status, flags, delayHours]. */
export type WireMarker = [string, number, number, number, number, number, number, number];

export const MarkerMode = { Ocean: 0, Air: 1, Truck: 2 } as const;
export const MarkerStatus = { Planned: 0, InTransit: 1, Arrived: 2 } as const;

/** Bits of a marker's flags field. */
/** Hazard / Security: inside a disruption zone; Disrupted: re-routed or delayed by a disruption. */
export const Flag = { Late: 1, ColdChain: 2, OffRoute: 4, Stalled: 8, Silent: 16, Hazard: 32, Security: 64, Disrupted: 128 } as const;

export interface Counts {
  total: number;
  planned: number;
  inTransit: number;
  arrived: number;
  late: number;
  coldChain: number;
  offRoute: number;
  stalled: number;
  silent: number;
}

export interface AlertEvent {
  shipmentId: string;
  kind: AlertKind;
  state: "opened" | "cleared";
  at: string;
  message: string;
}

export interface MapSnapshot {
  seq: number;
  at: string;
  markers: WireMarker[];
  counts: Counts;
}

export interface MapDelta {
  seq: number;
  at: string;
  markers: WireMarker[];
  removed: string[];
  counts: Counts;
  alerts: AlertEvent[];
}

// ---- factories and DDMRP buffers (the manager board) ----

export type BufferZone = "red" | "yellow" | "green";
export type SupplyStatus = "operating" | "reduced" | "halted";

/** A shipment on its way to a factory with some of this part, counted as on order until delivered. */
export interface InboundLine {
  shipmentId: string;
  quantity: number;
  eta: string;
}

/** One supplier site that supplies a part to a factory, with the status it last posted. */
export interface SupplySite {
  supplierId: string;
  supplierName: string;
  siteId: string;
  siteName: string;
  country: string;
  status: SupplyStatus;
  capacityPct: number;
  expectedRecovery: string | null;
}

/** One factory × part DDMRP buffer as the board and `/api/factories/{id}/buffers` carry it. */
export interface BufferRow {
  factoryId: string;
  factoryName: string;
  partNumber: string;
  hsCode: string;
  adu: number;
  aduSource: "parameter" | "usage";
  red: number;
  yellow: number;
  green: number;
  topOfRed: number;
  topOfYellow: number;
  topOfGreen: number;
  onHand: number;
  onOrder: number;
  qualifiedDemand: number;
  netFlow: number;
  planningPriorityPct: number;
  zone: BufferZone;
  suggestedOrderQty: number;
  executionZone: string;
  daysOfCover: number | null;
  /** "YYYY-MM-DD" */
  projectedStockout: string | null;
  inbound: InboundLine[];
  supplyCountries: string[];
  /** Newer hosts only: the sites supplying this part to this factory. */
  supply?: SupplySite[];
  /** Newer hosts only: the worst status among `supply` (null when no site is known). */
  supplyStatus?: SupplyStatus | null;
  /** Newer hosts: active disruptions reaching this part, with time to survive and time to recover. */
  risks?: PartRisk[];
  updatedAt: string;
  demo: boolean;
}

export interface BoardSnapshot {
  seq: number;
  at: string;
  rows: BufferRow[];
}

/** Full rows that changed since the previous delta; replace by factoryId + partNumber. */
export interface BoardDelta {
  seq: number;
  at: string;
  rows: BufferRow[];
}

export interface ProjectionPoint {
  /** "YYYY-MM-DD" */
  date: string;
  onHand: number;
}

export interface BufferDetail {
  buffer: BufferRow;
  projection: ProjectionPoint[];
}

// ---- suppliers and factories ----

export type SiteStatus = "operating" | "reduced" | "halted";

export interface SuppliedPart {
  partNumber: string;
  factoryIds: string[];
}

export interface SupplierSite {
  id: string;
  name: string;
  locode: string | null;
  lat: number;
  lon: number;
  country: string;
  parts: SuppliedPart[];
  status: SiteStatus;
  capacityPct: number;
  expectedRecovery: string | null;
  note: string | null;
  /** When the supplier last posted this site's status; null = never posted. */
  updatedAt: string | null;
}

export interface Supplier {
  id: string;
  name: string;
  country: string;
  demo: boolean;
  sites: SupplierSite[];
  /** Grows with each status post; present on the live feed's views (absent from older REST answers). */
  version?: number;
}

export interface StatusHistoryEntry {
  at: string;
  siteId: string;
  status: SiteStatus;
  capacityPct: number;
  expectedRecovery: string | null;
  note: string | null;
}

export interface Factory {
  id: string;
  name: string;
  locode: string;
  lat: number;
  lon: number;
  country: string;
  demo: boolean;
  parts: string[];
}

export interface SuppliersSnapshot {
  seq: number;
  at: string;
  suppliers: Supplier[];
}

/** The full views of the suppliers that changed since the previous delta (replace by id). */
export interface SuppliersDelta {
  seq: number;
  at: string;
  suppliers: Supplier[];
}

/** One disruption's reach into a factory × part (board rows). */
export interface PartRisk {
  disruptionId: string;
  type: string;
  title: string;
  ttsDays: number | null;
  ttrDays: number | null;
  impactUnits: number;
  atRisk: boolean;
}
