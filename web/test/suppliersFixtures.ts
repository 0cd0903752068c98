// Small hand-made suppliers for the suppliers page tests.
import type { SiteStatus, Supplier, SupplierSite } from "../src/api/types";

export function site(id: string, status: SiteStatus, capacityPct: number, extra: Partial<SupplierSite> = {}): SupplierSite {
  return {
    id, name: `Site ${id}`, locode: null, lat: 10, lon: 100, country: "CN",
    parts: [{ partNumber: "IC-MCU-32F4", factoryIds: ["F-MTY"] }],
    status, capacityPct, expectedRecovery: null, note: null, updatedAt: null,
    ...extra,
  };
}

export function supplier(id: string, sites: SupplierSite[], extra: Partial<Supplier> = {}): Supplier {
  return { id, name: `Supplier ${id}`, country: "CN", demo: true, sites, ...extra };
}
