// Small pieces of supplier-site display shared by the table, the history panel and the operator
// map's popover: status pill, capacity bar, parts with the factories they go to, country names.
import type { Factory, SuppliedPart } from "../api/types";
import { h } from "../ui/dom";
import { statusLabel } from "./siteStatus";

export function statusPill(status: string): HTMLElement {
  return h("span", { class: `site-pill site-${status}`, "data-status": status }, statusLabel(status).toLowerCase());
}

export function capacityBar(status: string, pct: number): HTMLElement {
  const clamped = Math.max(0, Math.min(100, Number.isFinite(pct) ? pct : 0));
  const fill = h("span", { class: `cap-fill site-${status}` });
  fill.style.width = `${clamped}%`;
  return h("span", { class: "cap", title: `${formatPct(pct)} of normal capacity` },
    h("span", { class: "cap-track", "aria-hidden": "true" }, fill),
    h("span", { class: "cap-text" }, formatPct(pct)));
}

export function formatPct(pct: number): string {
  return Number.isFinite(pct) ? `${Math.round(pct)} %` : "—";
}

/** "IC-MCU-32F4 → F-MTY, F-GDL" lines; factory ids carry the factory's name as a tooltip. */
export function partsList(parts: readonly SuppliedPart[], factories: ReadonlyMap<string, Factory>): HTMLElement {
  if (parts.length === 0) return h("span", { class: "muted" }, "no parts listed");
  return h("ul", { class: "parts" }, ...parts.map((p) =>
    h("li", null,
      h("span", { class: "part-no" }, p.partNumber),
      p.factoryIds.length > 0 ? h("span", { class: "part-arrow", "aria-label": "to" }, "→") : null,
      ...p.factoryIds.map((id) => {
        const f = factories.get(id);
        return h("span", { class: "part-factory", title: f ? `${f.name} (${f.locode}, ${countryName(f.country)})` : id }, id);
      }))));
}

const regionNames = typeof Intl !== "undefined" && "DisplayNames" in Intl
  ? new Intl.DisplayNames(["en"], { type: "region" })
  : null;

/** "China" for "CN"; the code itself when the browser does not know it. */
export function countryName(code: string): string {
  if (!code) return "—";
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}
