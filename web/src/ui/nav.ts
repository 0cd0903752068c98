// The page switcher shared by every dashboard page. Plain links: each page is its own entry
// (the host serves index.html for /, /board, /suppliers, /sourcing and /portal) so a page can be bookmarked or shared.
// Each role sees only its pages: a supplier user only "Portal".
import { currentSession, PAGE_ROLES, signOut } from "../auth/session";
import { h } from "./dom";

export type PageId = "map" | "board" | "suppliers" | "sourcing" | "portal";

const PAGES: ReadonlyArray<{ id: PageId; href: string; label: string; title: string }> = [
  { id: "map", href: "/", label: "Map", title: "Live shipment map" },
  { id: "board", href: "/board", label: "Buffers", title: "DDMRP buffer board" },
  { id: "suppliers", href: "/suppliers", label: "Suppliers", title: "Supplier sites and their posted status" },
  { id: "sourcing", href: "/sourcing", label: "Sourcing", title: "Sourcing concentration, vulnerability, Section 301 duty and China+1 what-ifs" },
  { id: "portal", href: "/portal", label: "Portal", title: "Your sites, shipments and what you posted" },
];

/** The pages this user may open, and who is signed in with a sign-out button. */
export function pageNav(active: PageId): HTMLElement {
  const session = currentSession();
  const role = session?.user.role;
  const links = PAGES.filter((p) => !role || PAGE_ROLES[p.id].includes(role)).map((p) => h("a", {
    href: p.href,
    title: p.title,
    class: p.id === active ? "active" : null,
    "aria-current": p.id === active ? "page" : null,
  }, p.label));
  const out = h("button", { type: "button", class: "signout", title: "Sign out" }, "Sign out");
  out.addEventListener("click", () => signOut());
  const who = session
    ? h("span", { class: "who", title: `${session.user.displayName} (${session.user.role})` }, session.user.username, h("span", { class: "who-role" }, session.user.role), out)
    : null;
  return h("nav", { class: "page-nav", "aria-label": "Pages" }, ...links, who);
}
