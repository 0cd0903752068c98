// A disruption's area as GeoJSON, ready for toPath2D: a circle (centre + radius in km, as a geodesic polygon so it
// keeps its true size on Mercator) or the polygons the host sent. Pure, so it is unit-tested.
import { geoCircle } from "d3-geo";
import type { DisruptionZone } from "../api/disruptionTypes";

/** Mean Earth radius: km per degree of great-circle arc = 2πR / 360. */
const KM_PER_DEGREE = (2 * Math.PI * 6371.0088) / 360;

export type ZoneGeoJson = { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] };

export function kmToDegrees(km: number): number {
  return km / KM_PER_DEGREE;
}

/** Null when the zone has no usable geometry. */
export function zoneGeoJson(zone: DisruptionZone | null | undefined): ZoneGeoJson | null {
  if (!zone) return null;
  if (zone.center && zone.radiusKm && zone.radiusKm > 0 && Number.isFinite(zone.center.lat) && Number.isFinite(zone.center.lon)) {
    return circleGeoJson(zone.center.lon, zone.center.lat, zone.radiusKm);
  }
  const polygons = (zone.polygons ?? []).filter((p) => p.length > 0 && p[0]!.length >= 4);
  return polygons.length > 0 ? { type: "MultiPolygon", coordinates: polygons } : null;
}

export function circleGeoJson(lon: number, lat: number, radiusKm: number): ZoneGeoJson {
  const circle = geoCircle().center([lon, lat]).radius(kmToDegrees(radiusKm)).precision(2)();
  // GeoJSON rings end on their first point exactly; d3's last vertex differs in the last bits.
  const ring = circle.coordinates[0]!.slice(0, -1);
  return { type: "Polygon", coordinates: [[...ring, ring[0]!]] };
}
