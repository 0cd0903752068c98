// Web Mercator in "unit" coordinates: the whole world is the square [0,1]×[0,1], x grows east
// from the antimeridian, y grows south from ~85°N. Everything is stored in unit coordinates once;
// the view (view.ts) only scales and translates, and repeats the world horizontally so the map
// wraps across the antimeridian like a globe would.
import { geoMercator, type GeoProjection } from "d3-geo";

/** Latitude where the Mercator square ends (the y of ±this is 0 or 1). */
export const MAX_LAT = 85.0511287798066;

const DEG = Math.PI / 180;

/** Unit x of a longitude. Not wrapped: callers that need [0,1) wrap themselves. */
export function unitX(lon: number): number {
  return (lon + 180) / 360;
}

/** Unit y of a latitude, clamped to the Mercator square. */
export function unitY(lat: number): number {
  const clamped = lat > MAX_LAT ? MAX_LAT : lat < -MAX_LAT ? -MAX_LAT : lat;
  const s = Math.sin(clamped * DEG);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

export function lonOf(x: number): number {
  const lon = x * 360 - 180;
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

export function latOf(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/**
 * The same projection as a d3 projection, for turning GeoJSON into Path2D once. d3 cuts
 * geometry at the antimeridian and resamples long segments along great circles; precision
 * is in unit coordinates, so 1e-4 is about a pixel when the world is 10,000 px wide.
 */
export function unitProjection(): GeoProjection {
  return geoMercator()
    .scale(1 / (2 * Math.PI))
    .translate([0.5, 0.5])
    .precision(1e-4);
}
