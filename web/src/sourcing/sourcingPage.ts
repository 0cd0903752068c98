// Composition root of /sourcing (managers and admins): where each part of a factory comes from, how concentrated that
// is, its vulnerability category and Section 301 duty; and the what-if editor that moves volume between countries.
// Factory, part, view, scope and moves live in the URL, so a what-if can be shared as a link.
import "./sourcing.css";
import { api, HttpError } from "../api/http";
import type { FactorySourcing, PartSourcingView, SavedScenario } from "../api/sourcingTypes";
import type { Factory } from "../api/types";
import { h } from "../ui/dom";
import { basisOf, newMove, type MoveBasis } from "./moves";
import { SourcingHeader, SourcingToolbar } from "./sourcingHeader";
import { fitScope, parseState, stateOfRequest, stateSearch, type SourcingState } from "./sourcingUrl";
import { SourcingView } from "./sourcingView";
import { WhatIfView, type WhatIfContext } from "./whatIfView";

export function startSourcing(root: HTMLElement): void {
  document.title = "Visibility — sourcing";
  document.body.classList.add("page-sourcing");
  let state: SourcingState = parseState(location.search);
  let factories: Factory[] = [];
  let loadError: string | null = null;
  const sourcing = new Map<string, FactorySourcing>();
  const loading = new Map<string, Promise<void>>();
  const failed = new Map<string, string>();
  let whatIfStarted = false;

  const header = new SourcingHeader();
  const toolbar = new SourcingToolbar({
    onFactory: (id) => set({ factoryId: id, partNumber: null, moves: [], scope: "factory" }),
    onPart: (partNumber) => set({ partNumber, scope: fitScope(state.scope === "factory" && partNumber ? "part" : state.scope, partNumber) }),
    onView: (view) => set({ view }),
  });
  const view = new SourcingView({
    onOpenPart: (partNumber) => set({ partNumber }),
    onWhatIf: (part) => openWhatIf(part),
  });
  const whatIf = new WhatIfView({
    onChange: (patch) => set(patch),
    onOpenScenario: (saved) => openScenario(saved),
  });
  root.append(header.el, h("main", { class: "board-page src-page" }, toolbar.el, view.el, whatIf.el));

  function set(patch: Partial<SourcingState>): void {
    state = { ...state, ...patch };
    state.scope = fitScope(state.scope, state.partNumber);
    const url = `${location.pathname}${stateSearch(state)}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(history.state, "", url);
    render();
  }

  function openWhatIf(part: PartSourcingView): void {
    const basis = basisOf([part], false);
    const move = newMove(basis, []);
    set({ view: "whatif", partNumber: part.partNumber, scope: "part", moves: move ? [move] : [] });
  }

  function openScenario(saved: SavedScenario): void {
    set(stateOfRequest(saved.request, state));
  }

  /** Fetches a factory's sourcing once; the page renders again when it arrives. */
  function ensureSourcing(id: string): void {
    if (sourcing.has(id) || loading.has(id)) return;
    loading.set(id, api.sourcing(id).then((s) => {
      sourcing.set(id, s);
      failed.delete(id);
    }, (e) => {
      failed.set(id, e instanceof HttpError ? (e.status === 404 ? `No factory '${id}'.` : `Sourcing could not be loaded (HTTP ${e.status}).`) : "The server cannot be reached.");
    }).finally(() => {
      loading.delete(id);
      render();
    }));
  }

  /** The parts the what-if acts on, or why they are not there yet. */
  function whatIfContext(factory: Factory | undefined): WhatIfContext {
    const own = state.factoryId ? sourcing.get(state.factoryId) : undefined;
    const part = state.partNumber;
    const users = part ? factories.filter((f) => f.parts.includes(part)) : [];
    const base = { factoryName: factory ? `${factory.name}` : state.factoryId ?? "—", partFactories: users.length, factoryParts: own?.parts.length ?? factory?.parts.length ?? 0 };
    let basis: MoveBasis | null = null;
    let why: string | null = null;
    if (state.scope === "part-all" && part) {
      for (const f of users) ensureSourcing(f.id);
      const views = users.map((f) => sourcing.get(f.id)?.parts.find((p) => p.partNumber === part));
      if (views.every((v) => v)) basis = basisOf(views as PartSourcingView[], false);
      else why = users.some((f) => failed.has(f.id)) ? "Some factories' sourcing could not be loaded." : "Loading the part's sourcing in every factory…";
    } else if (own) {
      const parts = state.scope === "part" ? own.parts.filter((p) => p.partNumber === part) : own.parts;
      basis = basisOf(parts, state.scope === "factory");
    } else {
      why = state.factoryId && failed.has(state.factoryId) ? failed.get(state.factoryId)! : "Loading sourcing…";
    }
    return { ...base, basis, loading: why };
  }

  function render(): void {
    if (loadError) {
      view.show(null, null, loadError);
      return;
    }
    if (!state.factoryId && factories.length > 0) {
      set({ factoryId: factories[0]!.id });
      return;
    }
    const factory = factories.find((f) => f.id === state.factoryId);
    if (state.factoryId) ensureSourcing(state.factoryId);
    const own = state.factoryId ? sourcing.get(state.factoryId) : undefined;
    const parts = own?.parts.map((p) => p.partNumber) ?? factory?.parts ?? [];
    // A part across factories may not be one this factory uses: keep it selectable.
    const partOptions = state.partNumber && !parts.includes(state.partNumber) ? [...parts, state.partNumber] : parts;
    toolbar.show(factories, state.factoryId, partOptions, state.partNumber, state.view);
    header.setDemo(!!factory?.demo);
    header.setAsOf(own ? `as of ${own.date}` : "");
    document.body.dataset.view = state.view;

    view.el.hidden = state.view !== "sourcing";
    whatIf.el.hidden = state.view !== "whatif";
    if (state.view === "sourcing") {
      const why = !state.factoryId ? (factories.length ? "" : "No factories yet.") : failed.get(state.factoryId) ?? "Loading sourcing…";
      view.show(own ?? null, state.partNumber, own && own.parts.length === 0 ? "This factory buffers no parts yet." : why);
      if (own) document.body.dataset.sourcingFactory = own.factoryId;
    } else {
      if (!whatIfStarted) {
        whatIfStarted = true;
        whatIf.start();
      }
      whatIf.update(state, whatIfContext(factory));
    }
  }

  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && state.view === "sourcing" && state.partNumber && !e.defaultPrevented) {
      e.preventDefault();
      set({ partNumber: null });
    }
  });

  render();
  api.factories().then((list) => {
    factories = [...list].sort((a, b) => a.name.localeCompare(b.name));
    if (state.factoryId && !factories.some((f) => f.id === state.factoryId) && factories.length > 0) state = { ...state, factoryId: factories[0]!.id, partNumber: null, moves: [] };
    render();
  }, (e) => {
    loadError = e instanceof HttpError ? `Factories could not be loaded (HTTP ${e.status}).` : "The server cannot be reached.";
    render();
  });
}
