// The suppliers feed on the live hub, shared by the suppliers page and the operator map: a
// snapshot of every supplier after each (re)connect, then `suppliersDelta` with the full views
// of the suppliers that changed. Both land in a SupplierBook; the page is told what changed.
import { api } from "../api/http";
import type { SuppliersDelta, SuppliersSnapshot } from "../api/types";
import type { SupplierBook } from "../suppliers/supplierBook";
import { SnapshotFeed } from "./snapshotFeed";

export interface SuppliersFeedHandlers {
  /** The whole book was replaced (snapshot or first REST load). */
  onReset(): void;
  /** A delta replaced these suppliers; `changedSites` are site keys whose posted status changed. */
  onChange(changedSites: string[], changedSuppliers: string[]): void;
}

export function suppliersFeed(book: SupplierBook, handlers: SuppliersFeedHandlers): SnapshotFeed<SuppliersSnapshot, SuppliersDelta> {
  return new SnapshotFeed<SuppliersSnapshot, SuppliersDelta>({
    name: "suppliers",
    subscribeMethod: "SubscribeSuppliers",
    deltaEvent: "suppliersDelta",
    onSnapshot: (snapshot) => {
      book.replaceAll(snapshot.suppliers ?? []);
      handlers.onReset();
    },
    onDelta: (delta) => {
      const { changedSites, changedSuppliers } = book.applyDelta(delta.suppliers ?? []);
      if (changedSuppliers.length > 0) handlers.onChange(changedSites, changedSuppliers);
    },
  });
}

/**
 * Fills the book from GET /api/suppliers so the page has something to show before the hub
 * answers; a snapshot that arrived first wins (it is at least as new).
 */
export async function preloadSuppliers(book: SupplierBook, onReset: () => void): Promise<void> {
  const versionBefore = book.version;
  try {
    const suppliers = await api.suppliers();
    if (book.version !== versionBefore) return;
    book.replaceAll(suppliers);
    onReset();
  } catch (err) {
    console.debug("[suppliers] list unavailable; waiting for the live feed", err);
  }
}
