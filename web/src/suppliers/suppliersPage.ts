// Composition root of /suppliers: the suppliers feed fills a SupplierBook; every change re-derives
// the worst-first site rows, the counts, the filtered table, the overview map and the open
// supplier's panel. Filters and the open site live in the URL query, so a view can be shared.
import { api } from "../api/http";
import type { Factory } from "../api/types";
import { LiveConnection } from "../live/connection";
import { preloadSuppliers, suppliersFeed } from "../live/suppliersFeed";
import { h } from "../ui/dom";
import { FilterBar } from "./filterBar";
import { applyFilters, parseFilters, writeFilters, type SupplierFilters } from "./filters";
import { OverviewMap, type OverviewSite } from "./overviewMap";
import { formatPct } from "./siteParts";
import { countriesOf, countStatuses, sortWorstFirst, toRows, type SiteRow } from "./siteRows";
import { statusLabel } from "./siteStatus";
import { SiteTable } from "./siteTable";
import { SupplierBook } from "./supplierBook";
import { SupplierDetail } from "./supplierDetail";
import { SuppliersHeader } from "./suppliersHeader";

/** Relative times ("3 min ago") are refreshed this often. */
const TICK_MS = 20_000;
const FACTORIES_RETRY_MS = 10_000;

export function startSuppliers(root: HTMLElement): void {
  document.title = "Visibility — suppliers";
  const book = new SupplierBook();
  const factories = new Map<string, Factory>();
  let filters: SupplierFilters = parseFilters(location.search);
  let selected: string | null = new URLSearchParams(location.search).get("site");
  let loaded = false;
  let rows: SiteRow[] = [];

  const header = new SuppliersHeader();
  const filterBar = new FilterBar(filters, (next) => {
    filters = next;
    writeUrl();
    render();
  });
  const table = new SiteTable((key) => select(key));
  const overview = new OverviewMap((key) => {
    select(key);
    table.scrollIntoView(key);
  });
  const detail = new SupplierDetail(() => select(null), (key) => select(key));
  const hint = h("p", { class: "sup-hint muted" }, "Select a site to see what its supplier posted, newest first.");

  root.append(header.el,
    h("main", { class: "sup-page" },
      h("section", { class: "sup-main", "aria-label": "Supplier sites" }, filterBar.el, table.el),
      h("aside", { class: "sup-side" }, overview.el, hint, detail.el)));

  function select(key: string | null): void {
    selected = key;
    writeUrl();
    render();
  }

  function writeUrl(): void {
    const params = writeFilters(filters, new URLSearchParams(location.search));
    if (selected) params.set("site", selected); else params.delete("site");
    const query = params.toString();
    history.replaceState(null, "", `${location.pathname}${query ? `?${query}` : ""}`);
  }

  function render(flash: ReadonlySet<string> = new Set()): void {
    const now = Date.now();
    rows = sortWorstFirst(toRows(book.all()));
    const counts = countStatuses(rows);
    header.setCounts(counts, book.size);
    header.setDemo([...book.all()].some((s) => s.demo));
    filterBar.setCountries(countriesOf(rows));
    const visible = applyFilters(rows, filters);
    filterBar.setCounts(counts, visible.length);
    const emptyText = !loaded ? "Loading suppliers…" : rows.length === 0 ? "No suppliers are registered yet." : "No sites match these filters.";
    table.render(visible, factories, selected, flash, now, emptyText);

    const shown = new Set(visible.map((r) => r.key));
    overview.setData(rows.map((r): OverviewSite => ({
      key: r.key,
      lon: r.site.lon,
      lat: r.site.lat,
      status: r.site.status,
      tooltip: `${r.site.name} · ${r.supplier.name} · ${statusLabel(r.site.status)} · ${formatPct(r.site.capacityPct)}`,
      dimmed: !shown.has(r.key),
      factoryIds: [...new Set(r.site.parts.flatMap((p) => p.factoryIds))],
    })), [...factories.values()], selected);

    const row = selected ? rows.find((r) => r.key === selected) : undefined;
    if (row) detail.open(row.supplier, row.site.id, factories, now);
    else if (loaded || !selected) detail.close();
    hint.hidden = !detail.el.hidden;

    const body = document.body.dataset;
    body.suppliers = String(book.size);
    body.sites = String(counts.total);
    body.sitesHalted = String(counts.halted);
    body.sitesReduced = String(counts.reduced);
    body.sitesShown = String(visible.length);
  }

  const feed = suppliersFeed(book, {
    onReset: () => {
      loaded = true;
      render();
    },
    onChange: (changedSites, changedSuppliers) => {
      render(new Set(changedSites));
      const open = detail.supplierId;
      if (open && changedSuppliers.includes(open)) detail.changed(book.get(open)!, Date.now());
    },
  });
  const live = new LiveConnection({
    onState: (state, text) => {
      header.setLink(state, text);
      document.body.dataset.link = state;
    },
  }, [feed]);

  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && selected !== null && !(e.target instanceof HTMLInputElement)) {
      select(null);
      e.preventDefault();
    }
  });
  setInterval(() => {
    render();
    detail.tick(Date.now());
  }, TICK_MS);

  const loadFactories = (): void => {
    api.factories().then(
      (list) => {
        for (const f of list) factories.set(f.id, f);
        render();
      },
      (err: unknown) => {
        console.debug("[suppliers] factories unavailable, will retry", err);
        setTimeout(loadFactories, FACTORIES_RETRY_MS);
      });
  };

  render();
  void preloadSuppliers(book, () => {
    loaded = true;
    render();
  });
  loadFactories();
  live.start();
}
