// The page switcher shared by every dashboard page. Plain links: each page is its own entry
// (the host serves index.html for /, /board and /suppliers) so a page can be bookmarked or shared.
import { h } from "./dom";

export type PageId = "map" | "board" | "suppliers";

const PAGES: ReadonlyArray<{ id: PageId; href: string; label: string; title: string }> = [
  { id: "map", href: "/", label: "Map", title: "Live shipment map" },
  { id: "board", href: "/board", label: "Buffers", title: "DDMRP buffer board" },
  { id: "suppliers", href: "/suppliers", label: "Suppliers", title: "Supplier sites and their posted status" },
];

export function pageNav(active: PageId): HTMLElement {
  return h("nav", { class: "page-nav", "aria-label": "Pages" },
    ...PAGES.map((p) => h("a", {
      href: p.href,
      title: p.title,
      class: p.id === active ? "active" : null,
      "aria-current": p.id === active ? "page" : null,
    }, p.label)));
}
