// Every disruption the feed has told us about, keyed by id. A view replaces the held one only if its version is at
// least as high, so a delta that raced a snapshot never rolls a disruption back.
import type { DisruptionView } from "../api/disruptionTypes";

export class DisruptionBook {
  /** Grows on every accepted change (layers compare it with what they drew). */
  version = 0;
  private readonly byId = new Map<string, DisruptionView>();

  replaceAll(views: readonly DisruptionView[]): void {
    this.byId.clear();
    for (const v of views) this.byId.set(v.id, v);
    this.version++;
  }

  /** Applies a delta's full views; returns the ids that changed. */
  apply(views: readonly DisruptionView[]): string[] {
    const changed: string[] = [];
    for (const v of views) {
      const held = this.byId.get(v.id);
      if (held && held.version > v.version) continue;
      this.byId.set(v.id, v);
      changed.push(v.id);
    }
    if (changed.length > 0) this.version++;
    return changed;
  }

  get(id: string): DisruptionView | undefined {
    return this.byId.get(id);
  }

  /** Active first, then the newest start first, then id: the order of the feed. */
  sorted(): DisruptionView[] {
    return [...this.byId.values()].sort(compareDisruptions);
  }

  active(): DisruptionView[] {
    return this.sorted().filter((d) => d.status === "active");
  }
}

export function compareDisruptions(a: DisruptionView, b: DisruptionView): number {
  const activeA = a.status === "active" ? 0 : 1;
  const activeB = b.status === "active" ? 0 : 1;
  if (activeA !== activeB) return activeA - activeB;
  const startA = Date.parse(a.start) || 0;
  const startB = Date.parse(b.start) || 0;
  if (startA !== startB) return startB - startA;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
