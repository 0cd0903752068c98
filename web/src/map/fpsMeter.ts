// A small corner readout: animation frames per second, markers drawn, and the average time the
// frame's drawing took. Frames are counted from requestAnimationFrame, so a slow draw shows up
// as a lower fps. Updated twice a second; nothing allocates per frame.
import { formatNumber } from "../ui/format";

export class FpsMeter {
  readonly el: HTMLElement;
  private frames = 0;
  private drawMsSum = 0;
  private draws = 0;
  private windowStart = 0;

  constructor() {
    this.el = document.createElement("div");
    this.el.className = "fps";
    this.el.setAttribute("aria-hidden", "true");
    this.el.textContent = "— fps";
  }

  /** Called once per animation frame; `drawMs` is 0 when the frame had nothing to redraw. */
  frame(nowMs: number, drawMs: number, markers: number, gliding: number): void {
    this.frames++;
    if (drawMs > 0) {
      this.drawMsSum += drawMs;
      this.draws++;
    }
    if (this.windowStart === 0) this.windowStart = nowMs;
    const elapsed = nowMs - this.windowStart;
    if (elapsed < 500) return;
    const fps = (this.frames * 1000) / elapsed;
    const avg = this.draws ? this.drawMsSum / this.draws : 0;
    this.el.textContent = `${fps.toFixed(0)} fps · ${formatNumber(markers)} markers (${formatNumber(gliding)} gliding) · ${avg.toFixed(1)} ms draw`;
    this.frames = 0;
    this.drawMsSum = 0;
    this.draws = 0;
    this.windowStart = nowMs;
  }
}
