// The list of moves of a what-if: per move a from-country select (only countries holding volume at that point, with
// how much each holds), a to-country select, a slider with its number for the share, and the host's errors for that
// move. Rows are kept between renders and updated in place, so a slider being dragged is never rebuilt under the
// pointer; only adding or removing a move rebuilds the list.
import type { ShareMove } from "../api/sourcingTypes";
import { h, replaceChildren } from "../ui/dom";
import { countryName, KNOWN_COUNTRIES } from "./countries";
import { fromOptions, MAX_MOVES, type MoveLimit } from "./moves";
import { formatShare } from "./sourcingFormat";

export interface MovesEditorEvents {
  /** A field of move i changed (`live`: a slider or number being moved; the result follows after a pause). */
  onEdit(i: number, patch: Partial<ShareMove>): void;
  onAdd(): void;
  onRemove(i: number): void;
}

export class MovesEditor {
  readonly el: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly addButton: HTMLButtonElement;
  private readonly hint: HTMLElement;
  private rows: MoveRow[] = [];

  constructor(private readonly events: MovesEditorEvents) {
    this.list = h("ol", { class: "wi-moves", "aria-label": "Moves" });
    this.addButton = h("button", { type: "button", class: "btn-quiet wi-add" }, "+ Add a move");
    this.addButton.addEventListener("click", () => this.events.onAdd());
    this.hint = h("p", { class: "muted small wi-moves-hint" });
    this.el = h("div", { class: "wi-moves-box" }, this.list, this.hint, this.addButton);
  }

  /** `capped`: factory-wide, each part gives at most what it holds (the hint says so). */
  render(moves: readonly ShareMove[], limits: readonly MoveLimit[], errors: ReadonlyMap<number, string[]>, capped: boolean, canAdd: boolean): void {
    if (this.rows.length !== moves.length) {
      this.rows = moves.map((_, i) => new MoveRow(i, this.events));
      replaceChildren(this.list, ...this.rows.map((r) => r.el));
    }
    moves.forEach((m, i) => this.rows[i]!.update(m, limits[i] ?? { held: [], max: 0 }, errors.get(i) ?? [], capped));
    this.addButton.disabled = !canAdd || moves.length >= MAX_MOVES;
    this.hint.textContent = moves.length === 0
      ? "No moves yet: add one to move volume from one country to another."
      : capped
      ? "Factory-wide: each part gives at most what it sources from the country; shares are value-weighted across the factory's parts."
      : "";
  }

  /** Focus the slider of move i (after adding one). */
  focus(i: number): void {
    this.rows[i]?.slider.focus();
  }
}

class MoveRow {
  readonly el: HTMLLIElement;
  readonly slider: HTMLInputElement;
  private readonly from: HTMLSelectElement;
  private readonly to: HTMLSelectElement;
  private readonly pct: HTMLInputElement;
  private readonly held: HTMLElement;
  private readonly errors: HTMLElement;
  private fromKey = "";

  constructor(private readonly i: number, events: MovesEditorEvents) {
    const id = `wi-move-${i}`;
    this.from = h("select", { id: `${id}-from`, class: "move-from" });
    this.to = h("select", { id: `${id}-to`, class: "move-to" },
      ...KNOWN_COUNTRIES.map((c) => h("option", { value: c }, `${c} · ${countryName(c)}`)));
    this.slider = h("input", { id: `${id}-share`, class: "move-slider", type: "range", min: 0, max: 100, step: 1, "aria-label": `Move ${i + 1}: share to move, percent` });
    this.pct = h("input", { class: "move-pct", type: "number", min: 0, max: 100, step: 0.5, inputmode: "decimal", "aria-label": `Move ${i + 1}: share in percent` });
    this.held = h("p", { class: "move-held muted small" });
    this.errors = h("ul", { class: "move-errors", role: "alert" });
    const remove = h("button", { type: "button", class: "icon-btn move-remove", "aria-label": `Remove move ${i + 1}`, title: "Remove this move" }, "×");
    this.el = h("li", { class: "wi-move", "data-move": i },
      h("div", { class: "move-head" }, h("span", { class: "move-no" }, `Move ${i + 1}`), remove),
      h("div", { class: "move-countries" },
        h("label", { class: "filter-field" }, h("span", { class: "filter-label" }, "From"), this.from),
        h("span", { class: "move-arrow", "aria-hidden": "true" }, "→"),
        h("label", { class: "filter-field" }, h("span", { class: "filter-label" }, "To"), this.to)),
      h("div", { class: "move-share" }, this.slider, h("label", { class: "move-pct-wrap" }, this.pct, h("span", { "aria-hidden": "true" }, "%"))),
      this.held, this.errors);

    remove.addEventListener("click", () => events.onRemove(this.i));
    this.from.addEventListener("change", () => events.onEdit(this.i, { fromCountry: this.from.value }));
    this.to.addEventListener("change", () => events.onEdit(this.i, { toCountry: this.to.value }));
    this.slider.addEventListener("input", () => {
      this.pct.value = this.slider.value;
      events.onEdit(this.i, { sharePct: Number(this.slider.value) });
    });
    this.pct.addEventListener("input", () => {
      const v = Number(this.pct.value);
      if (this.pct.value === "" || !Number.isFinite(v)) return;
      this.slider.value = String(v);
      events.onEdit(this.i, { sharePct: v });
    });
  }

  update(move: ShareMove, limit: MoveLimit, errors: readonly string[], capped: boolean): void {
    const options = fromOptions(limit, move.fromCountry);
    const key = options.map((o) => `${o.country}:${o.sharePct}`).join(",");
    if (key !== this.fromKey) {
      this.fromKey = key;
      replaceChildren(this.from, ...options.map((o) => h("option", { value: o.country }, `${o.country} · ${formatShare(o.sharePct)}`)));
    }
    if (this.from.value !== move.fromCountry) this.from.value = move.fromCountry;
    for (const option of this.to.options) option.disabled = option.value === move.fromCountry;
    if (this.to.value !== move.toCountry) this.to.value = move.toCountry;

    const max = Math.max(0, limit.max);
    this.slider.max = String(max);
    this.slider.step = max > 0 && max < 5 ? "0.1" : "1";
    this.slider.disabled = max <= 0;
    if (document.activeElement !== this.slider) this.slider.value = String(move.sharePct);
    if (document.activeElement !== this.pct) this.pct.value = String(move.sharePct);
    this.el.dataset.max = String(max);
    this.el.dataset.share = String(move.sharePct);

    const from = `${countryName(move.fromCountry)} (${move.fromCountry})`;
    const holds = limit.held.find((s) => s.country === move.fromCountry)?.sharePct ?? 0;
    this.held.textContent = capped
      ? `${from} supplies ${formatShare(holds)} of the factory's value here; a part gives at most what it has (up to ${formatShare(max)}).`
      : `${from} supplies ${formatShare(holds)} here: up to ${formatShare(max)} can move.`;

    replaceChildren(this.errors, ...errors.map((e) => h("li", null, e)));
    this.el.classList.toggle("has-error", errors.length > 0);
  }
}
