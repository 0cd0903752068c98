// Right panel: everything about one shipment, rebuilt from a ShipmentView whenever the hub
// pushes a new one (at most once per flush). Relative times ("3 h ago") are refreshed by
// re-rendering the last view periodically.
import type { Alert, SeaRoute, ShipmentView, Telemetry } from "../api/types";
import { rerouteText, typeLabel } from "../disruptions/disruptionText";
import { h } from "../ui/dom";
import {
  formatAgo, formatDelay, formatHeading, formatKm, formatKnots, formatNumber, formatTemp, formatTime, parseTime,
} from "../ui/format";
import { temperatureSparkline } from "./sparkline";

const STATUS_LABEL: Record<string, string> = { planned: "Planned", "in-transit": "In transit", arrived: "Arrived" };
const MODE_LABEL: Record<string, string> = { ocean: "Ocean", air: "Air", truck: "Truck" };
const ALERT_LABEL: Record<string, string> = {
  "cold-chain": "Cold-chain excursion", "off-route": "Off route", stalled: "Stalled", late: "Late", silent: "Silent",
  hazard: "In hazard zone", security: "In security zone",
};

export class DetailPanel {
  readonly el: HTMLElement;
  private readonly title: HTMLElement;
  private readonly body: HTMLElement;
  private readonly closeButton: HTMLButtonElement;
  private view: ShipmentView | null = null;
  private route: SeaRoute | null = null;
  openId: string | null = null;
  /** Chokepoint id → display name ("suez" → "Suez Canal"), filled when the chokepoints load. */
  readonly chokepointNames = new Map<string, string>();

  constructor(private readonly onClose: () => void) {
    this.title = h("h2", { id: "detail-title" }, "Shipment");
    this.closeButton = h("button", { type: "button", class: "icon-btn", "aria-label": "Close details (Escape)", title: "Close (Esc)" }, "×");
    this.closeButton.addEventListener("click", () => this.onClose());
    this.body = h("div", { class: "detail-body" });
    this.el = h("aside", { class: "panel panel-right", "aria-labelledby": "detail-title", hidden: true },
      h("div", { class: "panel-head" }, this.title, this.closeButton), this.body);
  }

  /** Opens the panel for a shipment whose details are still loading. */
  showLoading(id: string): void {
    this.openId = id;
    this.view = null;
    this.route = null;
    this.title.textContent = id;
    this.body.replaceChildren(h("p", { class: "muted" }, "Loading…"));
    this.el.hidden = false;
  }

  showMessage(id: string, message: string): void {
    if (this.openId !== id) return;
    this.body.replaceChildren(h("p", { class: "muted" }, message));
  }

  hide(): void {
    this.openId = null;
    this.view = null;
    this.el.hidden = true;
  }

  /** Re-renders the last view (keeps "… ago" texts current). */
  tick(): void {
    if (this.view) this.render(this.view);
  }

  /** The open shipment's route (its `avoid` list names what a re-route goes around). */
  setRoute(route: SeaRoute): void {
    this.route = route;
    if (this.view) this.render(this.view);
  }

  update(view: ShipmentView): void {
    if (view.id !== this.openId) return;
    this.view = view;
    this.render(view);
  }

  private render(v: ShipmentView): void {
    const now = Date.now();
    const scroll = this.body.scrollTop;
    this.title.textContent = v.reference || v.id;

    const progress = Math.max(0, Math.min(100, v.progressPct ?? 0));
    const bar = h("div", { class: "progress", role: "progressbar", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": Math.round(progress), "aria-label": "Route progress" },
      h("div", { class: "progress-fill" }));
    (bar.firstElementChild as HTMLElement).style.width = `${progress}%`;

    const late = v.delayHours >= 0.05;
    const sections: Node[] = [
      h("p", { class: "detail-sub" }, `${v.id} · ${MODE_LABEL[v.mode] ?? v.mode}`),
      h("p", { class: "detail-route" },
        h("span", null, place(v.originName, v.origin)), h("span", { class: "arrow", "aria-label": "to" }, " → "),
        h("span", null, place(v.destinationName, v.destination))),
      v.passes?.length ? h("p", { class: "muted small" }, `via ${v.passes.join(", ")}`) : null,
      h("div", { class: "detail-status" },
        h("span", { class: `status status-${v.status}` }, STATUS_LABEL[v.status] ?? v.status),
        ...v.alerts.map((a) => h("span", { class: `chip chip-${a.kind}` }, ALERT_LABEL[a.kind] ?? a.kind))),
      disruptionSection(v, this.route, this.chokepointNames),
      h("div", { class: "progress-wrap" }, bar,
        h("div", { class: "progress-text" },
          h("span", null, `${progress.toFixed(0)} %`),
          h("span", null, `${formatKm(v.distanceRemainingKm)} to go of ${formatKm(v.distanceKm)}`))),
      kv([
        ["ETA", formatTime(v.eta)],
        ["Planned ETA", formatTime(v.plannedEta)],
        ["Delay", h("span", { class: late ? "text-late" : "text-ok" }, formatDelay(v.delayHours))],
        ["Planned departure", formatTime(v.plannedDeparture)],
        ["Speed / heading", `${formatKnots(v.speedKnots)} · ${formatHeading(v.headingDeg)}`],
        ["Position", v.position ? `${v.position.lat.toFixed(3)}, ${v.position.lon.toFixed(3)} (${formatAgo(v.position.at, now)})` : "—"],
      ]),
      alertsSection(v.alerts, now),
      telemetrySection(v.lastTelemetry, v.readings, now),
      temperatureSection(v),
      cargoSection(v),
    ].filter((x): x is HTMLElement => !!x);
    this.body.replaceChildren(...sections);
    this.body.scrollTop = scroll;
  }
}

function place(name: string | null | undefined, code: string): string {
  return name ? `${name} (${code})` : code;
}

type Value = string | Node;

function kv(rows: ReadonlyArray<[string, Value]>): HTMLElement {
  const dl = h("dl", { class: "kv" });
  for (const [k, v] of rows) dl.append(h("dt", null, k), h("dd", null, v));
  return dl;
}

function section(title: string, ...content: Array<Node | null>): HTMLElement {
  return h("section", { class: "detail-section" }, h("h3", null, title), ...content);
}

function alertsSection(alerts: readonly Alert[], now: number): HTMLElement {
  if (alerts.length === 0) return section("Alerts", h("p", { class: "muted small" }, "No open alerts."));
  const sorted = [...alerts].sort((a, b) => (parseTime(a.openedAt) ?? 0) - (parseTime(b.openedAt) ?? 0));
  return section("Alerts",
    h("ul", { class: "alert-list" },
      ...sorted.map((a) => h("li", null,
        h("span", { class: `chip chip-${a.kind}` }, ALERT_LABEL[a.kind] ?? a.kind),
        h("span", { class: "alert-since" }, `since ${formatTime(a.openedAt)} (${formatAgo(a.openedAt, now)})`),
        h("span", { class: "alert-msg" }, a.message)))));
}

function telemetrySection(t: Telemetry | null, readings: number, now: number): HTMLElement {
  if (!t) return section("Last telemetry", h("p", { class: "muted small" }, "No telemetry received yet."));
  const door = t.doorOpen === null || t.doorOpen === undefined ? "—" : t.doorOpen ? "open" : "closed";
  return section("Last telemetry",
    kv([
      ["Received", `${formatTime(t.at)} (${formatAgo(t.at, now)})`],
      ["Temperature", formatTemp(t.temperatureC)],
      ["Humidity", t.humidityPct === null || t.humidityPct === undefined ? "—" : `${t.humidityPct.toFixed(0)} %`],
      ["Shock", t.shockG === null || t.shockG === undefined ? "—" : `${t.shockG.toFixed(2)} g`],
      ["Door", door],
      ["Battery", t.batteryPct === null || t.batteryPct === undefined ? "—" : `${t.batteryPct.toFixed(0)} %`],
      ["Readings", formatNumber(readings ?? 0)],
    ]));
}

function temperatureSection(v: ShipmentView): HTMLElement | null {
  const history = v.temperatureHistory ?? [];
  if (history.length === 0 && !v.reefer) return null;
  const band = v.reefer ? `allowed ${v.reefer.minC} to ${v.reefer.maxC} °C` : "no reefer band";
  return section("Temperature",
    history.length ? temperatureSparkline(history, v.reefer) : h("p", { class: "muted small" }, "No temperature readings yet."),
    h("p", { class: "muted small" }, `Last ${history.length} readings · ${band}`));
}

function cargoSection(v: ShipmentView): HTMLElement {
  if (!v.cargo?.length) return section("Cargo", h("p", { class: "muted small" }, "No cargo lines."));
  return section("Cargo",
    h("table", { class: "cargo" },
      h("thead", null, h("tr", null, h("th", { scope: "col" }, "Part"), h("th", { scope: "col", class: "num" }, "Qty"), h("th", { scope: "col" }, "Factory"))),
      h("tbody", null, ...v.cargo.map((c) =>
        h("tr", null, h("td", null, c.partNumber), h("td", { class: "num" }, formatNumber(c.quantity)), h("td", null, c.factoryId ?? "—"))))));
}

/** "+9.5 days, +6,420 km, re-routed around Suez Canal" and the disruptions reaching the shipment. */
function disruptionSection(v: ShipmentView, route: SeaRoute | null, names: ReadonlyMap<string, string>): HTMLElement | null {
  const list = v.disruptions ?? [];
  if (!v.rerouted && list.length === 0) return null;
  const avoid = (route?.avoid ?? []).map((c) => names.get(c) ?? c);
  const distance = route?.distanceKm ?? v.distanceKm;
  const planned = v.plannedDistanceKm ?? route?.originalDistanceKm ?? null;
  const line = rerouteText(v.rerouted, distance, planned, list, avoid.length ? avoid.join(" and ") : null);
  return h("div", { class: "detail-disruption", "data-testid": "detail-disruption" },
    line ? h("p", { class: "reroute-line" }, line) : null,
    line ? h("p", { class: "muted small" }, "Dashed orange: the booked route; dashed white: the new one.") : null,
    list.length ? h("ul", { class: "disruption-chips" }, ...list.map((d) =>
      h("li", null, h("span", { class: "chip chip-disrupted" }, typeLabel(d.type)), " ", d.title,
        d.addedDays > 0 ? h("span", { class: "muted" }, ` · +${Math.round(d.addedDays * 10) / 10} d`) : null))) : null);
}
