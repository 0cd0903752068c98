// The map widget: a full-window canvas, the camera, the static base layer (rendered offscreen
// only when needed), the marker layer, pointer/wheel/keyboard input and the animation loop.
// Each frame: advance the camera, re-render the base only if a layer or the zoom changed or a
// drag outran the overscan, blit it, draw the markers. When nothing moves, the frame is skipped.
import type { MarkerStore } from "../state/markerStore";
import { h } from "../ui/dom";
import { BaseMap } from "./basemap";
import { FpsMeter } from "./fpsMeter";
import { MarkerLayer } from "./markers";
import { OVERSCAN_PX, OverscanFrame } from "./overscan";
import { latOf, lonOf } from "./projection";
import { MapView } from "./view";

export interface MapCallbacks {
  /** A marker was clicked (not dragged). */
  onMarkerClick(id: string): void;
  /** Short text for the hover tooltip of a marker. */
  describeMarker(index: number): string;
  /**
   * A fixed point drawn in the base layer (supplier site, factory) under screen point (x, y), if
   * any. Checked before the markers: there are few of them and their glyphs are larger.
   */
  pointAt?(x: number, y: number): { tooltip: string; activate(): void } | null;
  /** A click on the map at a position (before any marker or point): true when it was taken (e.g. to place a zone). */
  onMapClick?(lon: number, lat: number): boolean;
}

const CLICK_SLOP_PX = 5;
const FOCUS_ZOOM = 4.6;

export class MapCanvas {
  readonly el: HTMLElement;
  readonly view = new MapView();
  readonly base = new BaseMap();
  readonly markers: MarkerLayer;
  readonly fps = new FpsMeter();

  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly offscreen: HTMLCanvasElement;
  private readonly offCtx: CanvasRenderingContext2D;
  private readonly tooltip: HTMLElement;
  private readonly baseFrame = new OverscanFrame();
  private renderedViewVersion = -1;
  private renderedBaseVersion = -1;
  private renderedStoreVersion = -1;
  private forceFrame = true;

  // Pointer gesture state.
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private downAt: { x: number; y: number; t: number } | null = null;
  private dragged = false;
  private pinchDistance = 0;

  constructor(private readonly store: MarkerStore, private readonly callbacks: MapCallbacks) {
    this.markers = new MarkerLayer(store);
    this.canvas = h("canvas", {
      class: "map-canvas",
      tabindex: 0,
      role: "application",
      "aria-label": "World map of live shipments. Drag or use arrow keys to pan, mouse wheel or plus and minus to zoom.",
    });
    this.ctx = this.canvas.getContext("2d", { alpha: false })!;
    this.offscreen = document.createElement("canvas");
    this.offCtx = this.offscreen.getContext("2d", { alpha: false })!;
    this.tooltip = h("div", { class: "map-tooltip", role: "tooltip", hidden: true });

    const zoomIn = h("button", { type: "button", class: "zoom-btn", title: "Zoom in", "aria-label": "Zoom in" }, "+");
    const zoomOut = h("button", { type: "button", class: "zoom-btn", title: "Zoom out", "aria-label": "Zoom out" }, "−");
    const reset = h("button", { type: "button", class: "zoom-btn", title: "Whole world", "aria-label": "Show the whole world" }, "⤢");
    zoomIn.addEventListener("click", () => this.view.zoomBy(1, performance.now()));
    zoomOut.addEventListener("click", () => this.view.zoomBy(-1, performance.now()));
    reset.addEventListener("click", () =>
      this.view.flyTo(150, 22, Math.log2(this.view.width / 256), performance.now()));

    this.el = h("div", { class: "map" },
      this.canvas,
      this.tooltip,
      h("div", { class: "zoom-controls" }, zoomIn, zoomOut, reset),
      this.fps.el);

    this.bindInput();
    new ResizeObserver(() => this.resize()).observe(this.el);
  }

  /** Begins the animation loop. */
  start(): void {
    this.resize();
    const frame = (now: number) => {
      requestAnimationFrame(frame);
      this.frame(now);
    };
    requestAnimationFrame(frame);
  }

  /**
   * Brings a position into view, zooming in if the map is zoomed far out. `dxPx` shifts where it
   * lands relative to the centre, so a point is not hidden behind an open side panel.
   */
  focus(lon: number, lat: number, dxPx = 0): void {
    this.view.flyTo(lon, lat, Math.max(this.view.zoom, FOCUS_ZOOM), performance.now(), dxPx);
  }

  /** Asks for a redraw on the next frame (e.g. after a filter change). */
  invalidate(): void {
    this.forceFrame = true;
  }

  private frame(now: number): void {
    const view = this.view;
    view.step(now);
    const viewMoved = this.renderedViewVersion !== view.version;
    const baseChanged = this.renderedBaseVersion !== this.base.version;
    const moving =
      this.store.isAnimating(now) || this.renderedStoreVersion !== this.store.version || this.markers.selectedId !== null;
    if (!viewMoved && !baseChanged && !moving && !this.forceFrame) {
      this.fps.frame(now, 0, this.markers.drawnCount, 0);
      return;
    }
    const t0 = performance.now();
    if (baseChanged || !this.baseFrame.fits(view)) {
      this.base.render(this.offCtx, this.baseFrame.capture(view));
      this.renderedBaseVersion = this.base.version;
    }
    this.renderedViewVersion = view.version;
    const ctx = this.ctx;
    const dpr = view.dpr;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.offscreen, Math.round(this.baseFrame.blitX(view) * dpr), Math.round(this.baseFrame.blitY(view) * dpr));
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.markers.draw(ctx, view, now);
    this.renderedStoreVersion = this.store.version;
    this.forceFrame = false;
    this.fps.frame(now, performance.now() - t0, this.markers.drawnCount, this.markers.glidingCount);
  }

  private resize(): void {
    const rect = this.el.getBoundingClientRect();
    const dpr = Math.min(window.devicePixelRatio || 1, 2);
    const w = Math.max(1, Math.round(rect.width));
    const hgt = Math.max(1, Math.round(rect.height));
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(hgt * dpr);
    this.offscreen.width = Math.round((w + 2 * OVERSCAN_PX) * dpr);
    this.offscreen.height = Math.round((hgt + 2 * OVERSCAN_PX) * dpr);
    this.baseFrame.invalidate();
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${hgt}px`;
    this.view.resize(w, hgt, dpr);
    this.forceFrame = true;
  }

  private local(e: PointerEvent | WheelEvent | MouseEvent): { x: number; y: number } {
    const r = this.canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private bindInput(): void {
    const c = this.canvas;
    c.addEventListener("pointerdown", (e) => {
      c.setPointerCapture(e.pointerId);
      const p = this.local(e);
      this.pointers.set(e.pointerId, p);
      if (this.pointers.size === 1) {
        this.downAt = { x: p.x, y: p.y, t: performance.now() };
        this.dragged = false;
      } else if (this.pointers.size === 2) {
        this.pinchDistance = this.pointerSpread();
        this.dragged = true; // a pinch is never a click
      }
      this.hideTooltip();
    });
    c.addEventListener("pointermove", (e) => {
      const p = this.local(e);
      const prev = this.pointers.get(e.pointerId);
      if (!prev) {
        this.hover(p.x, p.y);
        return;
      }
      if (this.pointers.size === 1) {
        if (this.downAt && Math.hypot(p.x - this.downAt.x, p.y - this.downAt.y) > CLICK_SLOP_PX) this.dragged = true;
        if (this.dragged) this.view.panBy(p.x - prev.x, p.y - prev.y);
        this.pointers.set(e.pointerId, p);
      } else if (this.pointers.size === 2) {
        const [a, b] = [...this.pointers.values()];
        const midBefore = { x: (a!.x + b!.x) / 2, y: (a!.y + b!.y) / 2 };
        this.pointers.set(e.pointerId, p);
        const [a2, b2] = [...this.pointers.values()];
        const mid = { x: (a2!.x + b2!.x) / 2, y: (a2!.y + b2!.y) / 2 };
        const spread = this.pointerSpread();
        if (this.pinchDistance > 0 && spread > 0) this.view.zoomAt(mid.x, mid.y, Math.log2(spread / this.pinchDistance));
        this.view.panBy(mid.x - midBefore.x, mid.y - midBefore.y);
        this.pinchDistance = spread;
      }
    });
    const end = (e: PointerEvent) => {
      if (!this.pointers.delete(e.pointerId)) return;
      if (this.pointers.size === 0 && this.downAt && !this.dragged && e.type === "pointerup") {
        const p = this.local(e);
        const [ux, uy] = this.view.screenToUnit(p.x, p.y);
        const taken = this.callbacks.onMapClick?.(lonOf(ux), latOf(uy)) ?? false;
        const point = taken ? null : this.callbacks.pointAt?.(p.x, p.y);
        const hit = taken || point ? -1 : this.markers.hitTest(p.x, p.y);
        if (point) point.activate();
        else if (hit >= 0) this.callbacks.onMarkerClick(this.store.ids[hit]!);
      }
      if (this.pointers.size === 0) this.downAt = null;
      this.pinchDistance = this.pointers.size === 2 ? this.pointerSpread() : 0;
    };
    c.addEventListener("pointerup", end);
    c.addEventListener("pointercancel", end);
    c.addEventListener("pointerleave", () => {
      if (this.pointers.size === 0) this.hideTooltip();
    });
    c.addEventListener(
      "wheel",
      (e) => {
        e.preventDefault();
        const p = this.local(e);
        const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? 0.05 : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? 1 : 0.0022;
        const dz = Math.max(-1, Math.min(1, -e.deltaY * unit));
        this.view.zoomAt(p.x, p.y, dz);
      },
      { passive: false },
    );
    c.addEventListener("dblclick", (e) => {
      const p = this.local(e);
      this.view.zoomAt(p.x, p.y, e.shiftKey ? -1 : 1);
    });
    c.addEventListener("keydown", (e) => {
      const step = 80;
      const now = performance.now();
      switch (e.key) {
        case "ArrowLeft": this.view.panBy(step, 0); break;
        case "ArrowRight": this.view.panBy(-step, 0); break;
        case "ArrowUp": this.view.panBy(0, step); break;
        case "ArrowDown": this.view.panBy(0, -step); break;
        case "+": case "=": this.view.zoomBy(1, now); break;
        case "-": case "_": this.view.zoomBy(-1, now); break;
        default: return;
      }
      e.preventDefault();
    });
  }

  private pointerSpread(): number {
    const [a, b] = [...this.pointers.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  }

  private hover(x: number, y: number): void {
    const point = this.callbacks.pointAt?.(x, y);
    const hit = point ? -1 : this.markers.hitTest(x, y);
    if (!point && hit < 0) {
      this.hideTooltip();
      return;
    }
    this.canvas.style.cursor = "pointer";
    this.tooltip.textContent = point ? point.tooltip : this.callbacks.describeMarker(hit);
    this.tooltip.style.transform = `translate(${Math.round(x + 14)}px, ${Math.round(y + 10)}px)`;
    this.tooltip.hidden = false;
  }

  private hideTooltip(): void {
    this.canvas.style.cursor = "";
    this.tooltip.hidden = true;
  }
}
