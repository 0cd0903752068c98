// The sign-in page (/signin): username and password for a bearer token, then back to where the user
// was going. On the embedded default it lists the documented demo users (labelled as demo).
import { h } from "../ui/dom";
import { homeFor, safeNext, saveSession, type Session } from "./session";

interface DemoUsers {
  users: Array<{ username: string; password: string; role: string; displayName: string }>;
}

export function startSignIn(root: HTMLElement): void {
  const params = new URLSearchParams(location.search);
  const username = h("input", { id: "username", name: "username", autocomplete: "username", required: true, maxlength: 64 });
  const password = h("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true, maxlength: 256 });
  const error = h("p", { class: "signin-error", role: "alert" });
  const submit = h("button", { type: "submit", class: "btn-primary" }, "Sign in");
  const demo = h("div", { class: "signin-demo", hidden: true });
  if (params.get("reason") === "expired") error.textContent = "Your session has ended. Sign in again.";

  const form = h("form", { class: "signin-form", novalidate: true },
    h("label", { for: "username" }, "Username"), username,
    h("label", { for: "password" }, "Password"), password,
    error, submit);

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void signIn();
  });

  async function signIn(): Promise<void> {
    error.textContent = "";
    if (!username.value.trim() || !password.value) {
      error.textContent = "Enter your username and password.";
      return;
    }
    submit.disabled = true;
    try {
      const response = await fetch("/api/auth/token", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ username: username.value.trim(), password: password.value }),
      });
      if (response.status === 401) {
        error.textContent = "Unknown user or wrong password.";
        return;
      }
      if (response.status === 429) {
        error.textContent = "Too many attempts. Wait a minute and try again.";
        return;
      }
      if (!response.ok) {
        error.textContent = `Sign-in failed (HTTP ${response.status}).`;
        return;
      }
      const session = (await response.json()) as Session;
      saveSession(session);
      location.assign(safeNext(params.get("next")) ?? homeFor(session.user.role));
    } catch {
      error.textContent = "The server cannot be reached. Check the connection and try again.";
    } finally {
      submit.disabled = false;
    }
  }

  root.append(h("main", { class: "signin" },
    h("div", { class: "signin-card" },
      h("div", { class: "brand" }, h("span", { class: "brand-mark", "aria-hidden": "true" }), h("h1", null, "Visibility")),
      h("p", { class: "muted" }, "Sign in to the supply-chain control tower."),
      form,
      demo)));
  username.focus();
  void showDemoUsers(demo, (u, p) => {
    username.value = u;
    password.value = p;
    void signIn();
  });
}

/** The embedded default's demo users, one click each; absent on a real deployment. */
async function showDemoUsers(box: HTMLElement, use: (username: string, password: string) => void): Promise<void> {
  try {
    const response = await fetch("/api/auth/demo-users", { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const demo = (await response.json()) as DemoUsers;
    if (demo.users.length === 0) return;
    const list = h("ul", null, ...demo.users.map((u) => {
      const button = h("button", { type: "button", class: "btn-link" }, u.username);
      button.addEventListener("click", () => use(u.username, u.password));
      return h("li", null, button, h("span", { class: "muted" }, ` ${u.role} · ${u.displayName} · password `), h("code", null, u.password));
    }));
    box.append(h("h2", null, "Demo users ", h("span", { class: "demo-badge" }, "Demo data")), list);
    box.hidden = false;
  } catch {
    // No demo list: nothing to show.
  }
}
