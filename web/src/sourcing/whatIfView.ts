// The what-if editor: the scope (a part in this factory, the part in every factory, or the whole factory), the moves
// with their sliders, and the result recomputed by the host ~250 ms after the last change (POST
// /api/scenarios/rebalance; an answer to an older edit is dropped). The host's field errors go next to the move that
// caused them and the last good result stays, dimmed, until the moves are valid again. Saving and comparing sit
// beside the editor.
import { api } from "../api/http";
import type { ProblemDetails, RebalanceResult, SavedScenario, ShareMove } from "../api/sourcingTypes";
import { h, replaceChildren } from "../ui/dom";
import { Debounce } from "./debounce";
import { sortErrors } from "./moveErrors";
import { effectiveMoves, heldAfter, moveLimits, newMove, removeMove, updateMove, type MoveBasis } from "./moves";
import { MovesEditor } from "./movesEditor";
import { ResultCards } from "./resultCards";
import { ResultParts } from "./resultParts";
import { ScenarioPanel } from "./scenarioPanel";
import { scopeText } from "./scenarioText";
import { requestOf, type Scope, type SourcingState } from "./sourcingUrl";

export const REBALANCE_DEBOUNCE_MS = 250;

export interface WhatIfEvents {
  onChange(patch: Partial<SourcingState>): void;
  onOpenScenario(saved: SavedScenario): void;
}

/** What the page knows about the scope: the parts the moves act on (null while loading) and names for the labels. */
export interface WhatIfContext {
  basis: MoveBasis | null;
  factoryName: string;
  /** Factories using the selected part (for "in every factory"). */
  partFactories: number;
  factoryParts: number;
  loading: string | null;
}

type RunState = "idle" | "waiting" | "ok" | "error";

export class WhatIfView {
  readonly el: HTMLElement;
  private readonly scopeBox: HTMLElement;
  private readonly editor: MovesEditor;
  private readonly general: HTMLElement;
  private readonly title: HTMLElement;
  private readonly status: HTMLElement;
  private readonly cards = new ResultCards();
  private readonly parts = new ResultParts();
  private readonly scenarios: ScenarioPanel;
  private readonly resultBox: HTMLElement;
  private readonly run = new Debounce(() => void this.rebalance(), REBALANCE_DEBOUNCE_MS);
  private state: SourcingState | null = null;
  private context: WhatIfContext | null = null;
  private errors = new Map<number, string[]>();
  private requestKey = "";
  private seq = 0;
  private inFlight: AbortController | null = null;
  private hasResult = false;
  private scopeKey = "";

  constructor(private readonly events: WhatIfEvents) {
    this.scopeBox = h("fieldset", { class: "wi-scope" });
    this.editor = new MovesEditor({
      onEdit: (i, patch) => this.setMoves(updateMove(this.state!.moves, i, patch)),
      onAdd: () => {
        const move = this.context?.basis ? newMove(this.context.basis, this.state!.moves) : null;
        if (move) {
          this.setMoves([...this.state!.moves, move]);
          this.editor.focus(this.state!.moves.length - 1);
        }
      },
      onRemove: (i) => this.setMoves(removeMove(this.state!.moves, i)),
    });
    this.general = h("ul", { class: "wi-general-errors", role: "alert" });
    this.scenarios = new ScenarioPanel({
      current: () => (this.state ? this.request() : null),
      onRefused: (problem) => this.showErrors(problem),
      onOpen: (saved) => this.events.onOpenScenario(saved),
    });
    this.title = h("h2", { class: "wi-title" });
    this.status = h("span", { class: "wi-status muted small", role: "status" });
    this.resultBox = h("div", { class: "wi-result" }, this.cards.el, this.parts.el);
    this.el = h("section", { class: "wi-layout", "aria-label": "What-if", "data-state": "idle" },
      h("aside", { class: "wi-side" }, h("h2", { class: "wi-side-title" }, "What-if"), this.scopeBox, this.editor.el, this.general, this.scenarios.el),
      h("div", { class: "wi-main" }, h("div", { class: "wi-title-row" }, this.title, this.status), this.resultBox, this.scenarios.compare.el));
    this.cards.clear("Add a move to see the result.");
  }

  /** Loads the saved what-ifs (once the view is first shown). */
  start(): void {
    void this.scenarios.refresh();
  }

  update(state: SourcingState, context: WhatIfContext): void {
    this.state = state;
    this.context = context;
    this.renderScope(state, context);
    const basis = context.basis;
    const limits = basis ? moveLimits(basis, state.moves) : [];
    this.editor.render(state.moves, limits, this.errors, basis?.capped ?? false, !!basis && heldAfter(basis, state.moves).length > 0);
    const request = this.request();
    const scope = request ? scopeText(request) : "What-if";
    this.title.textContent = scope.charAt(0).toUpperCase() + scope.slice(1);
    this.scenarios.setCurrent(request);
    const key = request && context.loading === null ? JSON.stringify(request) : "";
    if (key === this.requestKey) return;
    this.requestKey = key;
    if (!request || context.loading !== null) {
      this.run.cancel();
      this.inFlight?.abort();
      this.seq++;
      this.errors.clear();
      replaceChildren(this.general);
      this.hasResult = false;
      this.parts.hide();
      this.cards.clear(context.loading ?? "Add a move to see the result.");
      this.setRunState("idle", context.loading ?? "");
      return;
    }
    this.setRunState("waiting", "Recomputing…");
    this.run.schedule();
  }

  private request() {
    const state = this.state!;
    const { moves } = effectiveMoves(state.moves);
    return moves.length ? requestOf(state, moves) : null;
  }

  private setMoves(moves: ShareMove[]): void {
    this.events.onChange({ moves });
  }

  private async rebalance(): Promise<void> {
    const state = this.state;
    if (!state) return;
    const { moves, index } = effectiveMoves(state.moves);
    const request = requestOf(state, moves);
    if (!request || moves.length === 0) return;
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const seq = ++this.seq;
    try {
      const answer = await api.rebalance(request, controller.signal);
      if (seq !== this.seq) return;
      if (answer.ok) {
        this.errors.clear();
        replaceChildren(this.general);
        this.show(answer.data);
      } else {
        this.showErrors(answer.problem, index);
      }
    } catch (e) {
      if (controller.signal.aborted || seq !== this.seq) return;
      replaceChildren(this.general, h("li", null, `The what-if could not run: ${(e as Error).message}`));
      this.setRunState("error", "Server unreachable");
    }
  }

  private show(result: RebalanceResult): void {
    this.hasResult = true;
    this.cards.show(result);
    this.parts.show(result);
    this.resultBox.classList.remove("stale");
    this.setRunState("ok", "");
    this.rerenderEditor();
  }

  private showErrors(problem: ProblemDetails, index?: number[]): void {
    const sent = index ?? effectiveMoves(this.state!.moves).index;
    const sorted = sortErrors(problem, sent);
    this.errors = sorted.byMove;
    replaceChildren(this.general, ...sorted.general.map((e) => h("li", null, e)));
    this.resultBox.classList.toggle("stale", this.hasResult);
    if (!this.hasResult) this.cards.clear("No result yet: fix the moves marked in the editor.");
    this.setRunState("error", this.hasResult ? "Not recomputed: fix the moves marked below. The figures are from the last valid what-if." : "Fix the moves marked in the editor.");
    this.rerenderEditor();
  }

  private rerenderEditor(): void {
    const state = this.state;
    const basis = this.context?.basis;
    if (!state || !basis) return;
    this.editor.render(state.moves, moveLimits(basis, state.moves), this.errors, basis.capped, heldAfter(basis, state.moves).length > 0);
  }

  private setRunState(state: RunState, text: string): void {
    this.el.dataset.state = state;
    document.body.dataset.whatif = state;
    this.status.textContent = text;
  }

  private renderScope(state: SourcingState, context: WhatIfContext): void {
    const part = state.partNumber;
    const key = JSON.stringify([state.scope, part, context.factoryName, context.partFactories, context.factoryParts]);
    if (key === this.scopeKey) return; // rebuilt only when it changes, so keyboard focus stays on the radio
    this.scopeKey = key;
    const hadFocus = this.scopeBox.contains(document.activeElement);
    const option = (scope: Scope, label: string, disabled: boolean) => {
      const input = h("input", { type: "radio", name: "wi-scope", value: scope, checked: state.scope === scope, disabled });
      input.addEventListener("change", () => {
        if (input.checked) this.events.onChange({ scope });
      });
      return h("label", { class: `wi-scope-opt${disabled ? " disabled" : ""}` }, input, h("span", null, label));
    };
    replaceChildren(this.scopeBox,
      h("legend", { class: "filter-label" }, "Scope"),
      option("part", part ? `${part} in ${context.factoryName}` : "A part in this factory (pick a part above)", !part),
      option("part-all", part ? `${part} in every factory using it (${context.partFactories})` : "A part in every factory", !part),
      option("factory", `All ${context.factoryParts} parts of ${context.factoryName}`, false));
    if (hadFocus) this.scopeBox.querySelector<HTMLInputElement>("input:checked")?.focus();
  }
}
