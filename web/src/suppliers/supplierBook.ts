// The suppliers as last heard, keyed by id: filled by a snapshot (or the REST list) and kept
// current by the live feed's deltas, which carry the full view of each supplier that changed.
// Reports which sites actually changed so the page can flash exactly those rows.
import type { Supplier, SupplierSite } from "../api/types";
import { siteKey } from "./siteRows";

export class SupplierBook {
  private readonly byId = new Map<string, Supplier>();
  /** Incremented on every change, so views can skip work when nothing happened. */
  version = 0;

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Supplier | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<Supplier> {
    return this.byId.values();
  }

  /** Replaces everything (a snapshot is the whole truth: suppliers it lacks are gone). */
  replaceAll(suppliers: readonly Supplier[]): void {
    this.byId.clear();
    for (const s of suppliers) this.byId.set(s.id, s);
    this.version++;
  }

  /**
   * Applies a delta's supplier views (replace by id). A view older than the one held (lower
   * `version`) is ignored. Returns the keys of the sites whose posted status changed or that are
   * new, and the ids of the suppliers that were replaced.
   */
  applyDelta(suppliers: readonly Supplier[]): { changedSites: string[]; changedSuppliers: string[] } {
    const changedSites: string[] = [];
    const changedSuppliers: string[] = [];
    for (const next of suppliers) {
      const held = this.byId.get(next.id);
      if (held && held.version !== undefined && next.version !== undefined && next.version < held.version) continue;
      this.byId.set(next.id, next);
      changedSuppliers.push(next.id);
      const before = new Map((held?.sites ?? []).map((s) => [s.id, s]));
      for (const site of next.sites) {
        const old = before.get(site.id);
        if (!old || siteChanged(old, site)) changedSites.push(siteKey(next.id, site.id));
      }
    }
    if (changedSuppliers.length > 0) this.version++;
    return { changedSites, changedSuppliers };
  }
}

export function siteChanged(a: SupplierSite, b: SupplierSite): boolean {
  return a.status !== b.status || a.capacityPct !== b.capacityPct || a.expectedRecovery !== b.expectedRecovery ||
    a.note !== b.note || a.updatedAt !== b.updatedAt;
}
