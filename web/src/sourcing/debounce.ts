// Runs a job once the calls have stopped for `waitMs`: each call restarts the wait. The what-if asks the host only
// when the slider has rested for a moment, instead of once per pixel of drag.
export class Debounce {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly job: () => void, private readonly waitMs: number) {}

  get pending(): boolean {
    return this.timer !== undefined;
  }

  schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.job();
    }, this.waitMs);
  }

  /** Runs a pending job now (e.g. before saving, so the saved what-if is the one on screen). */
  flush(): void {
    if (this.timer === undefined) return;
    this.cancel();
    this.job();
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
