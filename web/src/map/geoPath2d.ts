// Turns GeoJSON into a Path2D in unit-Mercator coordinates, once. Drawing it later is a matter of
// setting a scale+translate transform, so panning and zooming never re-project a coordinate.
import { geoPath, type GeoContext, type GeoPermissibleObjects } from "d3-geo";
import { unitProjection } from "./projection";

const projection = unitProjection();

export function toPath2D(object: GeoPermissibleObjects): Path2D {
  const path = new Path2D();
  // d3 wants a canvas-like context; Path2D has everything but beginPath, which d3 never calls.
  const context: GeoContext = {
    beginPath() {},
    moveTo: (x, y) => path.moveTo(x, y),
    lineTo: (x, y) => path.lineTo(x, y),
    closePath: () => path.closePath(),
    arc: (x, y, r, a0, a1, ccw) => path.arc(x, y, r, a0, a1, ccw),
  };
  geoPath(projection, context)(object);
  return path;
}

/** A polyline of [lon, lat] points as a Path2D (antimeridian crossings are cut by d3). */
export function lineToPath2D(points: ReadonlyArray<readonly [number, number]>): Path2D {
  return toPath2D({ type: "LineString", coordinates: points.map((p) => [p[0], p[1]]) });
}
