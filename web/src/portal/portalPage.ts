// Composition root of /portal, the supplier portal: the signed-in supplier's sites (cards and a small map), a form to
// post their status, its shipments with a form to post milestones, and the history of what it posted. Everything is
// read over REST with the supplier's own token, so the API's object rules apply: another supplier's id (say
// /portal?supplier=S-XX) gets the same "not found" as one that does not exist, and nothing else is requested.
// After a post the page re-reads what changed; otherwise it refreshes every 30 s (the live feeds are not the
// supplier's to read: they carry every supplier and shipment).
import { api, HttpError } from "../api/http";
import type { Location, ShipmentView, StatusHistoryEntry, Supplier } from "../api/types";
import { currentSession } from "../auth/session";
import { historyTimeline } from "../suppliers/historyTimeline";
import { OverviewMap, type OverviewSite } from "../suppliers/overviewMap";
import { formatPct } from "../suppliers/siteParts";
import { statusLabel } from "../suppliers/siteStatus";
import { h, replaceChildren } from "../ui/dom";
import { MilestoneForm } from "./milestoneForm";
import { PortalHeader } from "./portalHeader";
import { portalSupplierId } from "./portalRoute";
import { ShipmentTable } from "./shipmentTable";
import { placesNeeded, shipmentDots, sortShipments } from "./shipmentDots";
import { SiteCards } from "./siteCards";
import { StatusForm } from "./statusForm";

const REFRESH_MS = 30_000;
const TICK_MS = 20_000;
/** The API's page limit; a supplier with more live shipments sees the first 500 (most pressing first is client-side). */
const SHIPMENT_LIMIT = 500;

export function startPortal(root: HTMLElement): void {
  document.title = "Visibility — supplier portal";
  const session = currentSession();
  const supplierId = portalSupplierId(location.search, session?.user.supplierId ?? null);
  const data = document.body.dataset;
  data.portal = "loading";

  let supplier: Supplier | null = null;
  let shipments: ShipmentView[] = [];
  let shipmentsLoaded = false;
  let history: StatusHistoryEntry[] | null = null;
  let selectedShipment: string | null = null;
  let refreshTimer: number | undefined;
  const places = new Map<string, Location>();

  const header = new PortalHeader();
  const statusForm = new StatusForm(supplierId ?? "", (view) => {
    supplier = view;
    renderSupplier();
    void loadHistory();
  });
  const siteCards = new SiteCards((siteId) => {
    statusForm.chooseSite(siteId);
    statusForm.el.scrollIntoView({ block: "nearest" });
  });
  const milestoneForm = new MilestoneForm((view) => {
    shipments = shipments.map((s) => (s.id === view.id ? view : s));
    renderShipments();
  });
  const chooseShipment = (id: string): void => {
    selectedShipment = id;
    milestoneForm.choose(id);
    renderShipments();
  };
  const table = new ShipmentTable(chooseShipment);
  const map = new OverviewMap((siteId) => statusForm.chooseSite(siteId), { factories: false, shipments: true, onSelectShipment: chooseShipment });
  const historyEl = h("div", { class: "portal-history-list", "aria-live": "polite" }, h("p", { class: "muted" }, "Loading history…"));
  const shipmentCount = h("span", { class: "muted panel-count" });

  const main = h("main", { class: "portal-page" },
    h("div", { class: "portal-col" },
      panel("portal-sites-panel", "My sites", null, siteCards.el),
      panel("portal-shipments-panel", "My shipments", shipmentCount, table.el,
        h("h3", { class: "portal-subhead" }, "Post a milestone"), milestoneForm.el)),
    h("div", { class: "portal-col portal-side" },
      map.el,
      panel("portal-post-panel", "Post site status", null, statusForm.el),
      panel("portal-history", "History", h("span", { class: "muted panel-count" }, "what you posted, newest first"), historyEl)));
  root.append(header.el, main);

  if (!supplierId) {
    showNotFound("Your account names no supplier, so there is nothing to show here.");
    return;
  }

  function renderSupplier(): void {
    const s = supplier;
    if (!s) return;
    const now = Date.now();
    header.setSupplier(s.name, s.id, s.demo);
    siteCards.render(s.sites, now);
    statusForm.setSites(s.sites);
    map.setData(s.sites.map((site): OverviewSite => ({
      key: site.id, lon: site.lon, lat: site.lat, status: site.status, dimmed: false, factoryIds: [],
      tooltip: `${site.name} · ${statusLabel(site.status)} · ${formatPct(site.capacityPct)}`,
    })), [], null);
    data.sites = String(s.sites.length);
  }

  function renderShipments(): void {
    table.render(shipments, selectedShipment, shipmentsLoaded
      ? "No shipments name you as their supplier yet. They appear here when a shipment is booked with your supplier id."
      : "Loading shipments…");
    milestoneForm.setShipments(shipments);
    map.setShipments(shipmentDots(shipments, places));
    shipmentCount.textContent = shipmentsLoaded ? `${shipments.length}` : "";
    data.shipments = String(shipments.length);
  }

  function renderHistory(): void {
    if (history === null || !supplier) return;
    data.history = String(history.length);
    if (history.length === 0) {
      replaceChildren(historyEl, h("p", { class: "muted" }, "Nothing posted yet. Until you post, your sites count as operating at full capacity."));
      return;
    }
    replaceChildren(historyEl, historyTimeline(history, new Map(supplier.sites.map((s) => [s.id, s.name])), Date.now()));
  }

  function showNotFound(text: string): void {
    clearTimeout(refreshTimer);
    header.setSupplier("Not found", "", false);
    replaceChildren(main, h("section", { class: "portal-panel portal-not-found", role: "alert" },
      h("h2", null, "Not found"),
      h("p", null, text),
      h("a", { href: "/portal", class: "net-pop-link" }, "Go to your portal")));
    data.portal = "not-found";
  }

  async function loadSupplier(): Promise<"ok" | "not-found" | "failed"> {
    try {
      supplier = await api.supplier(supplierId!);
      renderSupplier();
      return "ok";
    } catch (err) {
      if (err instanceof HttpError && err.status === 404) return "not-found";
      console.debug("[portal] supplier unavailable, will retry", err);
      return "failed";
    }
  }

  async function loadShipments(): Promise<void> {
    try {
      shipments = sortShipments((await api.shipments(SHIPMENT_LIMIT)).items);
      shipmentsLoaded = true;
      await loadPlaces();
      renderShipments();
    } catch (err) {
      console.debug("[portal] shipments unavailable, will retry", err);
    }
  }

  /** Origins (destinations, once arrived) of shipments without a position, for the map; looked up once each. */
  async function loadPlaces(): Promise<void> {
    const missing = placesNeeded(shipments).filter((code) => !places.has(code));
    await Promise.all(missing.map((code) => api.location(code).then((l) => { places.set(code, l); }, () => undefined)));
  }

  async function loadHistory(): Promise<void> {
    try {
      history = await api.supplierHistory(supplierId!);
      renderHistory();
    } catch (err) {
      console.debug("[portal] history unavailable, will retry", err);
      if (history === null) replaceChildren(historyEl, h("p", { class: "muted" }, "History unavailable; retrying…"));
    }
  }

  /** The supplier first: when it is not ours to see, nothing else is asked for. */
  async function refresh(): Promise<void> {
    const outcome = await loadSupplier();
    if (outcome === "not-found") {
      showNotFound(`There is no supplier '${supplierId}' you can see.`);
      return;
    }
    if (outcome === "ok") {
      await Promise.all([loadShipments(), loadHistory()]);
      header.setUpdated(new Date().toISOString());
      data.portal = "ready";
    } else {
      header.setUpdated(null, "The server cannot be reached; retrying…");
    }
    refreshTimer = window.setTimeout(() => void refresh(), outcome === "ok" ? REFRESH_MS : REFRESH_MS / 3);
  }

  setInterval(() => {
    if (!supplier) return;
    siteCards.render(supplier.sites, Date.now());
    renderHistory();
  }, TICK_MS);

  renderShipments();
  void refresh();
}

function panel(id: string, title: string, aside: HTMLElement | null, ...body: HTMLElement[]): HTMLElement {
  return h("section", { class: "portal-panel", id, "aria-labelledby": `${id}-title` },
    h("div", { class: "panel-head" }, h("h2", { id: `${id}-title` }, title), aside),
    h("div", { class: "portal-panel-body" }, ...body));
}
