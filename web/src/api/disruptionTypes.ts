// The disruptions API and live feed (issue 6): GET/POST /api/disruptions, …/{id}/impact, hub SubscribeDisruptions.
export type DisruptionType =
  | "chokepoint-closure" | "port-closure" | "port-congestion" | "natural-hazard" | "security-zone" | "supplier-site-outage" | "customs-hold";
export type DisruptionSeverity = "low" | "medium" | "high" | "critical";

export interface DisruptionZone {
  center?: { lat: number; lon: number } | null;
  radiusKm?: number | null;
  /** GeoJSON MultiPolygon coordinates: polygons → rings → [lon, lat]. */
  polygons?: number[][][][] | null;
}

export interface ImpactSummary {
  shipments: number;
  rerouted: number;
  delayed: number;
  inZone: number;
  stranded: number;
  maxAddedDays: number;
  maxAddedKm: number;
  sites: number;
  factories: number;
  parts: number;
  partsAtRisk: number;
  unitsAtRisk: number;
  propagating: boolean;
}

export interface DisruptionView {
  id: string;
  type: DisruptionType | string;
  severity: DisruptionSeverity | string;
  title: string;
  status: "active" | "resolved" | string;
  chokepoint?: string | null;
  locode?: string | null;
  placeName?: string | null;
  point?: { lat: number; lon: number } | null;
  zone?: DisruptionZone | null;
  supplierId?: string | null;
  siteId?: string | null;
  delayDays: number;
  start: string;
  expectedEnd?: string | null;
  ttrDays?: number | null;
  source: string;
  note?: string | null;
  impact: ImpactSummary;
  version: number;
}

export interface DisruptionsSnapshot {
  seq: number;
  at: string;
  disruptions: DisruptionView[];
}

export type DisruptionsDelta = DisruptionsSnapshot;

export interface ShipmentImpact {
  shipmentId: string;
  reference: string;
  mode: string;
  origin: string;
  destination: string;
  effect: string;
  distanceKmBefore: number;
  distanceKmAfter: number;
  etaBefore: string;
  etaAfter: string;
  addedDays: number;
  factoryIds: string[];
}

export interface SiteImpact {
  supplierId: string;
  supplierName: string;
  siteId: string;
  siteName: string;
  country: string;
}

export interface PartRiskRow {
  factoryId: string;
  factoryName: string;
  partNumber: string;
  adu: number;
  ttsDays: number | null;
  ttrDays: number | null;
  impactUnits: number;
  atRisk: boolean;
}

export interface DisruptionImpact {
  disruption: DisruptionView;
  shipments: ShipmentImpact[];
  suppliers: SiteImpact[];
  parts: PartRiskRow[];
}

/** POST /api/disruptions: which place fields apply depends on the type (see DisruptionRequests.cs). */
export interface DeclareRequest {
  type: string;
  severity?: string;
  title?: string;
  chokepoint?: string;
  locode?: string;
  delayDays?: number;
  center?: { lat: number; lon: number };
  radiusKm?: number;
  expectedEnd?: string;
  note?: string;
}
