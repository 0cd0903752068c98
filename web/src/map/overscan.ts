// Layers that change rarely (the base map, the settled markers) are rendered a little larger
// than the screen, and while the camera only translates they are blitted at an offset instead of
// being re-rendered: a drag re-renders them only once every MARGIN pixels of travel.

/** What a layer needs to know to render: the camera reduced to numbers (CSS px). */
export interface Viewport {
  width: number;
  height: number;
  dpr: number;
  zoom: number;
  worldPx: number;
  /** Screen position of unit (0, 0), for the copy of the world nearest the centre. */
  originX: number;
  originY: number;
}

export const OVERSCAN_PX = 192;

export class OverscanFrame {
  /** The enlarged viewport the layer was (or is to be) rendered with. */
  readonly viewport: Viewport = { width: 1, height: 1, dpr: 1, zoom: 0, worldPx: 1, originX: 0, originY: 0 };
  private valid = false;
  private originX = 0;
  private originY = 0;
  private width = 0;
  private height = 0;

  /** True when the rendered layer still covers the screen for this camera (pure translation). */
  fits(view: Viewport): boolean {
    if (!this.valid || view.zoom !== this.viewport.zoom || view.dpr !== this.viewport.dpr ||
        view.width !== this.width || view.height !== this.height) return false;
    return Math.abs(this.offsetX(view)) <= OVERSCAN_PX && Math.abs(this.offsetY(view)) <= OVERSCAN_PX;
  }

  /** Records the camera the layer is about to be rendered for, and returns the enlarged viewport. */
  capture(view: Viewport): Viewport {
    const vp = this.viewport;
    vp.width = view.width + 2 * OVERSCAN_PX;
    vp.height = view.height + 2 * OVERSCAN_PX;
    vp.dpr = view.dpr;
    vp.zoom = view.zoom;
    vp.worldPx = view.worldPx;
    vp.originX = view.originX + OVERSCAN_PX;
    vp.originY = view.originY + OVERSCAN_PX;
    this.originX = view.originX;
    this.originY = view.originY;
    this.width = view.width;
    this.height = view.height;
    this.valid = true;
    return vp;
  }

  invalidate(): void {
    this.valid = false;
  }

  /**
   * Where to draw the layer's top-left corner on screen (CSS px). The world repeats every
   * worldPx horizontally, so an origin that wrapped by a whole world is no movement at all.
   */
  blitX(view: Viewport): number {
    return this.offsetX(view) - OVERSCAN_PX;
  }

  blitY(view: Viewport): number {
    return this.offsetY(view) - OVERSCAN_PX;
  }

  private offsetX(view: Viewport): number {
    const w = view.worldPx;
    const dx = view.originX - this.originX;
    return dx - w * Math.round(dx / w);
  }

  private offsetY(view: Viewport): number {
    return view.originY - this.originY;
  }
}
