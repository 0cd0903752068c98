// Country shares as a stacked horizontal bar (one coloured segment per country, widths in percent) and the legend of
// the country colours. Plain spans, so the bar scales with its cell and reads out as text for screen readers.
import type { CountryShare } from "../api/sourcingTypes";
import { h } from "../ui/dom";
import { countryColour, countryName } from "./countries";
import { formatShare } from "./sourcingFormat";

/** Segments under this width get no in-bar label (the tooltip and the legend still name them). */
const LABEL_MIN_PCT = 14;

export function describeShares(shares: readonly CountryShare[]): string {
  return shares.length === 0 ? "no known sources" : shares.map((s) => `${s.country} ${formatShare(s.sharePct)}`).join(", ");
}

/** `labelled`: write "CN 50 %" inside the segments wide enough for it. */
export function shareBar(shares: readonly CountryShare[], options: { labelled?: boolean; className?: string } = {}): HTMLElement {
  const text = describeShares(shares);
  const bar = h("span", { class: `share-bar${options.labelled ? " share-bar-labelled" : ""}${options.className ? ` ${options.className}` : ""}`,
    role: "img", "aria-label": `Country shares: ${text}`, title: text });
  if (shares.length === 0) {
    bar.classList.add("share-bar-empty");
    return bar;
  }
  const total = shares.reduce((sum, s) => sum + s.sharePct, 0) || 1;
  for (const s of shares) {
    const width = (100 * s.sharePct) / total;
    const seg = h("span", { class: "share-seg", "data-country": s.country, title: `${countryName(s.country)}: ${formatShare(s.sharePct)}` },
      options.labelled && width >= LABEL_MIN_PCT ? `${s.country} ${formatShare(s.sharePct)}` : null);
    seg.style.width = `${width.toFixed(3)}%`;
    seg.style.background = countryColour(s.country);
    bar.append(seg);
  }
  return bar;
}

/** One swatch per country, in the order given. */
export function shareLegend(countries: readonly string[]): HTMLElement {
  return h("ul", { class: "share-legend", "aria-label": "Country colours" },
    ...countries.map((c) => {
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = countryColour(c);
      return h("li", { title: countryName(c) }, swatch, c);
    }));
}

/** Countries in order of their total share across the given share sets, for a legend. */
export function legendCountries(sets: Iterable<readonly CountryShare[]>): string[] {
  const total = new Map<string, number>();
  for (const set of sets) for (const s of set) total.set(s.country, (total.get(s.country) ?? 0) + s.sharePct);
  return [...total].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
}
