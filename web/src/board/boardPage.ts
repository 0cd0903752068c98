// Composition root of /board, the manager's DDMRP buffer board: every factory × part buffer, most urgent first,
// moving live over the hub's board feed. Filters and the open drill-down live in the URL so a view can be shared.
import type { BoardDelta, BoardSnapshot, BufferRow } from "../api/types";
import { LiveConnection } from "../live/connection";
import { SnapshotFeed } from "../live/snapshotFeed";
import { formatClock } from "../ui/format";
import {
  boardFactories, boardSearch, parseFilters, parseOpenBuffer, supplyCountries, zoneCounts, type BoardFilters, type OpenBuffer,
} from "./boardFilters";
import { BoardHeader } from "./boardHeader";
import { rowKey } from "./boardRows";
import { BoardStore } from "./boardStore";
import { BoardTable } from "./boardTable";
import { Drilldown } from "./drilldown";
import { FilterBar } from "./filterBar";
import { h } from "../ui/dom";
import { RiskView } from "./riskView";
import { Throttle } from "./throttle";

/** The table redraws at most this often however busy the feed is (a board re-sorting faster is unreadable). */
const RENDER_INTERVAL_MS = 250;
/** Stock-out horizons count days from "today": re-check the date now and then so a page left open rolls over. */
const DAY_CHECK_MS = 60_000;

export function startBoard(root: HTMLElement): void {
  document.title = "Visibility — buffer board";
  document.body.classList.add("page-board");
  const store = new BoardStore();
  let filters = parseFilters(location.search);
  let open: OpenBuffer | null = parseOpenBuffer(location.search);
  let filtersChanged = true;
  let renderedDay = "";

  const header = new BoardHeader((zone) => setFilters({ zone: filters.zone === zone ? null : zone }));
  const filterBar = new FilterBar((patch) => setFilters(patch));
  const table = new BoardTable({ onOpen: (row) => openBuffer(row) });
  const drill = new Drilldown(() => closeBuffer(), () => store.today());
  const risks = new RiskView((factoryId, partNumber) => {
    const row = store.rows.get(rowKey({ factoryId, partNumber }));
    if (row) openBuffer(row);
  });
  const body = h("div", { class: "board-body" }, table.el, drill.el);
  const render = new Throttle(renderNow, RENDER_INTERVAL_MS);

  const feed = new SnapshotFeed<BoardSnapshot, BoardDelta>({
    name: "board",
    subscribeMethod: "SubscribeBoard",
    deltaEvent: "boardDelta",
    onSnapshot: (snapshot) => {
      store.applySnapshot(snapshot.rows ?? [], snapshot.at);
      header.setUpdated(`updated ${formatClock(snapshot.at)} UTC`);
      render.schedule();
    },
    onDelta: (delta) => {
      store.applyDelta(delta.rows ?? [], delta.at);
      header.setUpdated(`updated ${formatClock(delta.at)} UTC`);
      render.schedule();
    },
  });
  const live = new LiveConnection({
    onState: (state, text) => {
      header.setLink(state, text);
      document.body.dataset.link = state;
    },
  }, [feed]);

  function renderNow(): void {
    const changes = store.takeChanges();
    const day = store.today();
    const dayRolled = day !== renderedDay;
    renderedDay = day;
    table.render(store, filters, changes, filtersChanged);
    filtersChanged = false;

    if (!store.hasSnapshot) return; // counts of an empty board before the first snapshot would be false zeros
    const rows = [...store.rows.values()];
    risks.render(rows);
    header.setCounts(zoneCounts(rows, filters), filters.zone);
    header.setDemo(rows.filter((r) => r.demo).length, rows.length);
    filterBar.setOptions(boardFactories(rows), supplyCountries(rows), filters);
    filterBar.setSummary(table.visibleRows.length, rows.length);

    if (open) {
      const key = rowKey(open);
      const row = store.rows.get(key);
      if (row && (changes.changed.has(key) || dayRolled)) drill.update(row);
      table.setSelected(key);
    }
  }

  function setFilters(patch: Partial<BoardFilters>): void {
    filters = { ...filters, ...patch };
    filtersChanged = true;
    filterBar.show(filters);
    syncUrl();
    render.schedule();
  }

  function openBuffer(row: BufferRow): void {
    open = { factoryId: row.factoryId, partNumber: row.partNumber };
    drill.show(open, row);
    body.classList.add("drill-open");
    table.setSelected(rowKey(open));
    syncUrl();
  }

  function closeBuffer(): void {
    if (!open) return;
    const key = rowKey(open);
    open = null;
    drill.hide();
    body.classList.remove("drill-open");
    table.setSelected(null);
    table.focusRow(key);
    syncUrl();
  }

  function syncUrl(): void {
    const url = `${location.pathname}${boardSearch(filters, open)}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(history.state, "", url);
  }

  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && open && !e.defaultPrevented) {
      e.preventDefault();
      closeBuffer();
    }
  });

  root.append(header.el, h("main", { class: "board-page" }, filterBar.el, header.banner, risks.el, body));
  filterBar.show(filters);
  if (open) {
    drill.show(open, undefined);
    body.classList.add("drill-open");
  }
  renderNow();
  setInterval(() => {
    if (store.today() !== renderedDay) render.schedule();
  }, DAY_CHECK_MS);
  live.start();
}
