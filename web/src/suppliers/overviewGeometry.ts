// Framing for the suppliers page's overview map: which longitude to put in the middle so the
// points are not split by the map's edge (the supply network spans the Pacific), and the box to
// fit, never smaller than a minimum span so one site does not fill the whole map.

export interface LonLatPoint {
  lon: number;
  lat: number;
}

/** Longitude in (-180, 180]. */
export function wrapLon(lon: number): number {
  const w = ((((lon + 180) % 360) + 360) % 360) - 180;
  return w === -180 ? 180 : w;
}

/**
 * The centre of the smallest arc of longitudes holding every point: the opposite side of the
 * widest empty gap between neighbouring longitudes (wrapping round the globe).
 */
export function centralLongitude(lons: readonly number[]): number {
  if (lons.length === 0) return 0;
  const sorted = lons.map(wrapLon).sort((a, b) => a - b);
  let gapStart = sorted[sorted.length - 1]!;
  let widest = sorted[0]! + 360 - gapStart; // the gap across the antimeridian
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap > widest) {
      widest = gap;
      gapStart = sorted[i - 1]!;
    }
  }
  // The occupied arc runs from the gap's end to its start, going east.
  const occupiedStart = gapStart + widest;
  const occupied = 360 - widest;
  return wrapLon(occupiedStart + occupied / 2);
}

export interface FitBox {
  centreLon: number;
  /** West and east edges relative to centreLon (degrees, west ≤ 0 ≤ east). */
  west: number;
  east: number;
  south: number;
  north: number;
}

/** The box around the points, padded by `padDeg` and at least `minSpanDeg` wide and high. */
export function fitBox(points: readonly LonLatPoint[], padDeg = 4, minSpanDeg = 30): FitBox {
  const centreLon = centralLongitude(points.map((p) => p.lon));
  let west = 0, east = 0, south = 0, north = 0;
  if (points.length > 0) {
    west = Infinity; east = -Infinity; south = Infinity; north = -Infinity;
    for (const p of points) {
      const rel = wrapLon(p.lon - centreLon);
      west = Math.min(west, rel);
      east = Math.max(east, rel);
      south = Math.min(south, p.lat);
      north = Math.max(north, p.lat);
    }
  }
  west -= padDeg; east += padDeg; south -= padDeg; north += padDeg;
  const grow = (lo: number, hi: number): [number, number] => {
    const missing = minSpanDeg - (hi - lo);
    return missing > 0 ? [lo - missing / 2, hi + missing / 2] : [lo, hi];
  };
  [west, east] = grow(west, east);
  [south, north] = grow(south, north);
  return { centreLon, west: Math.max(-179, west), east: Math.min(179, east), south: Math.max(-80, south), north: Math.min(84, north) };
}
