// Renderer benchmark (dev server only: `npm run dev`, then /bench.html?n=5000&pan=1).
// Drives the real map and marker layer with SYNTHETIC markers — random positions, every marker
// moving on every 250 ms flush, the worst case for the renderer — and prints frame figures.
// It never talks to the hub and is not part of the production build.
import "../styles.css";
import type { WireMarker } from "../api/types";
import { MapCanvas } from "../map/mapCanvas";
import { MarkerStore } from "../state/markerStore";
import { h } from "../ui/dom";

const params = new URLSearchParams(location.search);
const N = Number(params.get("n") ?? 5000);
const PAN = params.get("pan") === "1";
const FLUSH_MS = 250;
/** Each marker reports every EVERY flushes (1 = all markers move on every flush, the worst case). */
const EVERY = Math.max(1, Number(params.get("every") ?? 1));
/** Speed multiplier: 1 moves markers less than a pixel per flush at world zoom; 20 makes all of them glide. */
const SPEED = Number(params.get("speed") ?? 1);
const MEASURE_MS = Number(params.get("ms") ?? 10_000);

const store = new MarkerStore();
const map = new MapCanvas(store, { onMarkerClick: () => {}, describeMarker: (i) => store.ids[i]! });
const result = h("pre", { class: "bench-result" }, `synthetic benchmark: ${N} markers, pan=${PAN} — measuring…`);
result.style.cssText = "position:absolute;top:8px;left:8px;z-index:9;background:#000c;padding:8px;margin:0;font:12px monospace";
document.getElementById("app")!.append(map.el, result);
void map.base.loadLand();

// Deterministic pseudo-random numbers so runs are comparable.
let seed = 42;
const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);

const lat = new Float64Array(N), lon = new Float64Array(N), hdg = new Float64Array(N), spd = new Float64Array(N);
const mode = new Uint8Array(N), status = new Uint8Array(N), flags = new Uint8Array(N);
for (let i = 0; i < N; i++) {
  lat[i] = -55 + rnd() * 120;
  lon[i] = -180 + rnd() * 360;
  hdg[i] = rnd() * 360;
  mode[i] = rnd() < 0.7 ? 0 : rnd() < 0.5 ? 1 : 2;
  spd[i] = (mode[i] === 1 ? 0.02 : 0.004) * EVERY * SPEED; // degrees per report, exaggerated so motion is visible
  status[i] = rnd() < 0.85 ? 1 : rnd() < 0.5 ? 0 : 2;
  const r = rnd();
  flags[i] = r < 0.7 ? 0 : r < 0.82 ? 1 : r < 0.88 ? 2 : r < 0.93 ? 4 : r < 0.96 ? 8 : 16;
}
const markers: WireMarker[] = [];
let flushNo = 0;
function tick(all = false): WireMarker[] {
  markers.length = 0;
  flushNo++;
  for (let i = 0; i < N; i++) {
    if (!all && i % EVERY !== flushNo % EVERY) continue;
    hdg[i] = (hdg[i]! + (rnd() - 0.5) * 4 + 360) % 360;
    const rad = (hdg[i]! * Math.PI) / 180;
    lat[i] = Math.max(-70, Math.min(75, lat[i]! + Math.cos(rad) * spd[i]!));
    lon[i] = ((lon[i]! + Math.sin(rad) * spd[i]! + 540) % 360) - 180;
    markers.push([`SYN-${i}`, lat[i]!, lon[i]!, hdg[i]!, mode[i]!, status[i]!, flags[i]!, 0]);
  }
  return markers;
}
store.applySnapshot(tick(true), performance.now());
setInterval(() => store.applyDelta(tick(), [], performance.now()), FLUSH_MS);
map.start();

// Frame statistics from requestAnimationFrame intervals.
const intervals: number[] = [];
let last = 0;
const started = performance.now();
function sample(now: number): void {
  if (PAN) map.view.panBy(-2, 0);
  if (last > 0) intervals.push(now - last);
  last = now;
  if (now - started < MEASURE_MS) {
    requestAnimationFrame(sample);
    return;
  }
  intervals.sort((a, b) => a - b);
  const avg = intervals.reduce((s, x) => s + x, 0) / intervals.length;
  const p95 = intervals[Math.floor(intervals.length * 0.95)]!;
  const text = `synthetic benchmark: ${N} markers, every=${EVERY}, speed=${SPEED}, pan=${PAN}: ${intervals.length} frames in ${(MEASURE_MS / 1000).toFixed(0)} s, ` +
    `avg ${(1000 / avg).toFixed(1)} fps, p95 frame ${p95.toFixed(1)} ms; meter: ${map.fps.el.textContent}`;
  result.textContent = text;
  document.title = text;
  console.info(text);
}
requestAnimationFrame(sample);

// Exposed for profiling from DevTools: `__bench.map`, `__bench.store`.
(window as unknown as { __bench: unknown }).__bench = { map, store };
