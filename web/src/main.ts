import "./styles.css";
import { startApp } from "./app";
import { currentSession, homeFor, PAGE_ROLES, signOut } from "./auth/session";
import { startSignIn } from "./auth/signInPage";
import { startBoard } from "./board/boardPage";
import { startPortal } from "./portal/portalPage";
import { startSourcing } from "./sourcing/sourcingPage";
import { startSuppliers } from "./suppliers/suppliersPage";
import { h } from "./ui/dom";

// One entry for every page: the host serves index.html for each path; this picks the page. Every page
// but sign-in needs a session, and a page opens only for the roles that may use it (the API enforces
// the same rules; this only avoids showing a page full of refusals).
const PAGES: Record<string, { id: keyof typeof PAGE_ROLES; start: (root: HTMLElement) => void }> = {
  "/": { id: "map", start: startApp },
  "/board": { id: "board", start: startBoard },
  "/suppliers": { id: "suppliers", start: startSuppliers },
  "/portal": { id: "portal", start: startPortal },
  "/sourcing": { id: "sourcing", start: startSourcing },
};

const root = document.getElementById("app")!;
const path = location.pathname.replace(/\/+$/, "") || "/";

if (path === "/signin") {
  startSignIn(root);
} else {
  const session = currentSession();
  const page = PAGES[path];
  if (!session) signOut();
  else if (page && PAGE_ROLES[page.id].includes(session.user.role)) page.start(root);
  else if (path !== homeFor(session.user.role)) location.replace(homeFor(session.user.role));
  else notForThisRole(root, "There is no page here for your role.");
}

function notForThisRole(root: HTMLElement, text: string): void {
  const out = h("button", { type: "button", class: "btn-primary" }, "Sign out");
  out.addEventListener("click", () => signOut());
  root.append(h("main", { class: "signin" }, h("div", { class: "signin-card" }, h("h1", null, "Visibility"), h("p", null, text), out)));
}
