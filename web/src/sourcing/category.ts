// The vulnerability category (domain notes, "Concentration and vulnerability"): a good's global export centrality
// against the company's own sourcing concentration, shown as its number, its name and a small 2×2 quadrant with the
// category's cell lit. Up: high centrality; right: high own concentration. Also the "sample table" label that must
// accompany every category while the export-concentration table is the bundled illustrative sample.
import { h, svg } from "../ui/dom";

/** Quadrant cell (column, row) of each category: 1 top right, 2 top left, 3 bottom right, 4 bottom left. */
export const QUADRANT: Record<number, { col: 0 | 1; row: 0 | 1 }> = {
  1: { col: 1, row: 0 },
  2: { col: 0, row: 0 },
  3: { col: 1, row: 1 },
  4: { col: 0, row: 1 },
};

export const CATEGORY_SHORT: Record<number, string> = {
  1: "central and concentrated",
  2: "central, spread sourcing",
  3: "concentrated sourcing",
  4: "stable",
};

export function quadrantMarker(category: number | null, size = 16): SVGSVGElement {
  const half = size / 2;
  const el = svg("svg", { class: `quadrant quadrant-${category ?? "none"}`, width: size, height: size, viewBox: `0 0 ${size} ${size}`, "aria-hidden": "true" });
  for (const row of [0, 1]) {
    for (const col of [0, 1]) {
      const lit = category !== null && QUADRANT[category]?.col === col && QUADRANT[category]?.row === row;
      el.append(svg("rect", { x: col * half + 0.5, y: row * half + 0.5, width: half - 1, height: half - 1, rx: 1, class: lit ? "q-lit" : "q-cell" }));
    }
  }
  return el;
}

/** "▣ 3 concentrated sourcing" with the full name as its tooltip; "—" when the HS6 is not in the table. */
export function categoryBadge(category: number | null, name: string | null, options: { short?: boolean } = {}): HTMLElement {
  if (category === null) {
    return h("span", { class: "cat cat-none", title: "The part's HS6 is not in the export-concentration table" }, quadrantMarker(null), "—");
  }
  const label = options.short ? `${category}` : `${category} ${CATEGORY_SHORT[category] ?? ""}`;
  return h("span", { class: `cat cat-${category}`, title: `Category ${category}: ${name ?? CATEGORY_SHORT[category] ?? ""}`, "data-category": category },
    quadrantMarker(category), h("span", { class: "cat-text" }, label));
}

/** True when the categories come from the bundled illustrative sample rather than a configured real table. */
export function isSampleTable(centralitySource: string | null | undefined): boolean {
  return !!centralitySource && /sample/i.test(centralitySource);
}

/** The label every category display carries: "Sample table, illustrative" (or the real table's name). */
export function centralityLabel(centralitySource: string | null | undefined): HTMLElement {
  if (isSampleTable(centralitySource)) {
    return h("span", { class: "sample-label", title: `Categories use export concentration from ${centralitySource}: a SAMPLE table with illustrative values, not measured trade data` },
      "Sample table, illustrative");
  }
  return h("span", { class: "muted small", title: "Export-concentration table" }, centralitySource ? `Centrality: ${centralitySource}` : "");
}
