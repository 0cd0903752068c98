// Saving the what-if on screen under a name, the saved what-ifs (newest first; each can be opened again or ticked
// for comparison) and the comparison of the two ticked.
import { api, HttpError } from "../api/http";
import type { ProblemDetails, RebalanceRequest, SavedScenario } from "../api/sourcingTypes";
import { h, replaceChildren } from "../ui/dom";
import { formatTime } from "../ui/format";
import { ScenarioCompare } from "./scenarioCompare";
import { movesText, scopeText, suggestedName, togglePick } from "./scenarioText";
import { formatHhi, formatUsdShort } from "./sourcingFormat";

export interface ScenarioPanelEvents {
  /** The request to save: the what-if on screen (null while it has no moves). */
  current(): RebalanceRequest | null;
  /** The host refused the save: show its errors (on the moves, or here for the name). */
  onRefused(problem: ProblemDetails): void;
  onOpen(saved: SavedScenario): void;
}

export class ScenarioPanel {
  readonly el: HTMLElement;
  readonly compare = new ScenarioCompare();
  private readonly name: HTMLInputElement;
  private readonly save: HTMLButtonElement;
  private readonly message: HTMLElement;
  private readonly list: HTMLElement;
  private saved: SavedScenario[] = [];
  private picked: string[] = [];
  private suggested = "";

  constructor(private readonly events: ScenarioPanelEvents) {
    this.name = h("input", { id: "wi-name", class: "wi-name", maxlength: 120, placeholder: "Name this what-if", autocomplete: "off" });
    this.save = h("button", { type: "submit", class: "btn-primary wi-save" }, "Save");
    this.message = h("p", { class: "wi-save-msg small", role: "status" });
    const form = h("form", { class: "wi-save-form", novalidate: true }, h("label", { for: "wi-name", class: "filter-label" }, "Save as"),
      h("div", { class: "wi-save-row" }, this.name, this.save), this.message);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.saveNow();
    });
    this.list = h("ol", { class: "wi-saved", "aria-label": "Saved what-ifs" });
    this.el = h("section", { class: "wi-scenarios", "aria-label": "Saved what-ifs" }, form, h("h3", null, "Saved what-ifs"), this.list);
  }

  /** Whether there is a what-if to save; keeps the suggested name in step until the user types their own. */
  setCurrent(request: RebalanceRequest | null): void {
    this.save.disabled = request === null;
    const next = request ? suggestedName(request) : "";
    if (this.name.value === "" || this.name.value === this.suggested) this.name.value = next;
    this.suggested = next;
  }

  async refresh(): Promise<void> {
    try {
      this.saved = await api.scenarios();
    } catch (e) {
      replaceChildren(this.list, h("li", { class: "muted small" }, `Saved what-ifs could not be loaded (${e instanceof HttpError ? `HTTP ${e.status}` : "network"}).`));
      return;
    }
    this.picked = this.picked.filter((id) => this.saved.some((s) => s.id === id));
    this.render();
  }

  private async saveNow(): Promise<void> {
    const request = this.events.current();
    const name = this.name.value.trim();
    if (!request) return;
    if (!name) {
      this.say("Give the what-if a name.", "error");
      return;
    }
    this.save.disabled = true;
    this.say("Saving…", "info");
    try {
      const answer = await api.saveScenario(name, request);
      if (!answer.ok) {
        const nameErrors = answer.problem.errors?.["name"];
        this.say(nameErrors ? `Name ${nameErrors.join("; ")}` : "Not saved: see the errors on the moves.", "error");
        if (!nameErrors) this.events.onRefused(answer.problem);
        return;
      }
      this.say(`Saved “${answer.data.name}”.`, "ok");
      this.name.value = "";
      this.suggested = "";
      this.setCurrent(this.events.current());
      this.picked = togglePick(this.picked, answer.data.id);
      await this.refresh();
    } catch {
      this.say("Not saved: the server cannot be reached.", "error");
    } finally {
      this.save.disabled = this.events.current() === null;
    }
  }

  private say(text: string, tone: "info" | "ok" | "error"): void {
    this.message.textContent = text;
    this.message.className = `wi-save-msg small msg-${tone}`;
  }

  private render(): void {
    if (this.saved.length === 0) {
      replaceChildren(this.list, h("li", { class: "muted small" }, "None yet."));
    } else {
      replaceChildren(this.list, ...this.saved.map((s) => this.item(s)));
    }
    this.compare.show(this.picked.map((id) => this.saved.find((s) => s.id === id)!).filter(Boolean));
  }

  private item(s: SavedScenario): HTMLElement {
    const pick = h("input", { type: "checkbox", class: "wi-pick", "aria-label": `Compare “${s.name}”`, checked: this.picked.includes(s.id) });
    pick.addEventListener("change", () => {
      this.picked = togglePick(this.picked, s.id);
      this.render();
    });
    const open = h("button", { type: "button", class: "text-btn wi-open", title: "Open this what-if in the editor" }, "Open");
    open.addEventListener("click", () => this.events.onOpen(s));
    const r = s.result;
    return h("li", { class: "wi-saved-item", "data-scenario": s.id },
      h("label", { class: "wi-pick-wrap" }, pick),
      h("div", { class: "wi-saved-main" },
        h("span", { class: "wi-saved-name" }, s.name),
        h("span", { class: "cell-sub" }, `${scopeText(s.request)} · ${movesText(s.request.moves)}`),
        h("span", { class: "cell-sub" }, `HHI ${formatHhi(r.before.hhi)} → ${formatHhi(r.after.hhi)} · duty ${formatUsdShort(r.before.dutyPerYearUsd)} → ${formatUsdShort(r.after.dutyPerYearUsd)} · ${s.createdBy}, ${formatTime(s.createdAt)}`)),
      open);
  }
}
