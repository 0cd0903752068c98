import { describe, expect, it } from "vitest";
import {
  basisOf, effectiveMoves, fromOptions, heldAfter, MAX_MOVES, moveLimits, newMove, removeMove, updateMove,
} from "../src/sourcing/moves";
import { partView } from "./sourcingFixtures";

const cnOnly = basisOf([partView("IC-1", [{ country: "CN", sharePct: 100 }])], false);

describe("move limits", () => {
  it("lets a part-level move take what the country holds after the moves before it", () => {
    const limits = moveLimits(cnOnly, [
      { fromCountry: "CN", toCountry: "VN", sharePct: 60 },
      { fromCountry: "CN", toCountry: "TH", sharePct: 10 },
      { fromCountry: "VN", toCountry: "MX", sharePct: 5 },
    ]);
    expect(limits.map((l) => l.max)).toEqual([100, 40, 60]);
    expect(limits[1]!.held).toEqual([{ country: "VN", sharePct: 60 }, { country: "CN", sharePct: 40 }]);
    expect(heldAfter(cnOnly, [{ fromCountry: "CN", toCountry: "VN", sharePct: 60 }])).toEqual([
      { country: "VN", sharePct: 60 }, { country: "CN", sharePct: 40 },
    ]);
  });

  it("follows a refused move with what could move, so later limits stay sensible", () => {
    // The host refuses 120 % of a part; the next move then sees CN emptied, not a negative share.
    const limits = moveLimits(cnOnly, [{ fromCountry: "CN", toCountry: "VN", sharePct: 120 }, { fromCountry: "CN", toCountry: "TH", sharePct: 10 }]);
    expect(limits[1]!.max).toBe(0);
    expect(limits[1]!.held).toEqual([{ country: "VN", sharePct: 100 }]);
  });

  it("takes the part that holds least across factories for a part-level move", () => {
    const basis = basisOf([
      partView("IC-1", [{ country: "CN", sharePct: 100 }]),
      partView("IC-1", [{ country: "CN", sharePct: 30 }, { country: "TW", sharePct: 70 }]),
    ], false);
    const [limit] = moveLimits(basis, [{ fromCountry: "CN", toCountry: "VN", sharePct: 10 }]);
    expect(limit!.max).toBe(30);
    // TW is missing from one factory: no part-level move can take it from both.
    expect(limit!.held.map((h) => h.country)).toEqual(["CN"]);
  });

  it("caps a factory-wide move per part and shows value-weighted shares", () => {
    // 3,000 of value all Chinese, 1,000 half Chinese half Vietnamese: China holds 87.5 % of the factory's value.
    const basis = basisOf([
      partView("A", [{ country: "CN", sharePct: 100 }], 1_000, 3),
      partView("B", [{ country: "CN", sharePct: 50 }, { country: "VN", sharePct: 50 }], 1_000, 1),
      partView("C", [], 1_000, 1000), // no known sources: not in the basis
    ], true);
    expect(basis.parts).toHaveLength(2);
    const limits = moveLimits(basis, [{ fromCountry: "CN", toCountry: "VN", sharePct: 80 }, { fromCountry: "CN", toCountry: "TH", sharePct: 50 }]);
    expect(limits[0]).toEqual({ held: [{ country: "CN", sharePct: 87.5 }, { country: "VN", sharePct: 12.5 }], max: 100 });
    // After the first move A keeps 20 % CN and B none: the second move can ask for up to 20 %.
    expect(limits[1]!.max).toBe(20);
    expect(limits[1]!.held.find((h) => h.country === "CN")!.sharePct).toBe(15);
  });

  it("weights by quantity when no part has a unit value, as the host does", () => {
    const basis = basisOf([
      partView("A", [{ country: "CN", sharePct: 100 }], 3_000, null),
      partView("B", [{ country: "VN", sharePct: 100 }], 1_000, null),
    ], true);
    expect(basis.parts.map((p) => p.weight)).toEqual([3_000, 1_000]);
    expect(heldAfter(basis, [])).toEqual([{ country: "CN", sharePct: 75 }, { country: "VN", sharePct: 25 }]);
  });
});

describe("move editing", () => {
  it("suggests a move from the largest holder to a China+1 country not yet used, at most 10 points", () => {
    expect(newMove(cnOnly, [])).toEqual({ fromCountry: "CN", toCountry: "VN", sharePct: 10 });
    const next = newMove(cnOnly, [{ fromCountry: "CN", toCountry: "VN", sharePct: 95 }]);
    expect(next).toEqual({ fromCountry: "VN", toCountry: "TH", sharePct: 10 });
    const small = basisOf([partView("X", [{ country: "CN", sharePct: 4.5 }, { country: "JP", sharePct: 95.5 }])], false);
    expect(newMove(small, [{ fromCountry: "JP", toCountry: "CN", sharePct: 95.5 }])).toEqual({ fromCountry: "CN", toCountry: "VN", sharePct: 10 });
  });

  it("never suggests more than the largest holder has, and stops at the host's maximum of moves", () => {
    // Twelve countries at 8⅓ % each: the largest holds under 10 points, so the suggestion is the whole points it has.
    const spread = basisOf([partView("X", ["CN", "TW", "KR", "JP", "MY", "TH", "VN", "ID", "IN", "MX", "PH", "SG"].map((country) => ({ country, sharePct: 100 / 12 })))], false);
    const move = newMove(spread, [])!;
    expect(move.sharePct).toBe(8);
    expect(move.fromCountry).not.toBe(move.toCountry);
    const full = Array.from({ length: MAX_MOVES }, () => ({ fromCountry: "CN", toCountry: "VN", sharePct: 1 }));
    expect(newMove(cnOnly, full)).toBeNull();
    expect(newMove(basisOf([], false), [])).toBeNull();
  });

  it("suggests the fraction that is left when a country holds under one point", () => {
    const crumbs = basisOf([partView("X", [{ country: "CN", sharePct: 0.4 }])], false);
    expect(newMove(crumbs, [])).toEqual({ fromCountry: "CN", toCountry: "VN", sharePct: 0.4 });
  });

  it("updates one move; a from-country equal to its to-country sends the volume elsewhere", () => {
    const moves = [{ fromCountry: "CN", toCountry: "VN", sharePct: 10 }, { fromCountry: "CN", toCountry: "TH", sharePct: 5 }];
    expect(updateMove(moves, 1, { sharePct: 7.5 })[1]).toEqual({ fromCountry: "CN", toCountry: "TH", sharePct: 7.5 });
    expect(updateMove(moves, 0, { fromCountry: "VN" })[0]).toEqual({ fromCountry: "VN", toCountry: "TH", sharePct: 10 });
    expect(updateMove(moves, 0, { toCountry: "CN" })).toEqual(moves);
    expect(updateMove(moves, 0, { toCountry: "MX" })[0]!.toCountry).toBe("MX");
    expect(moves[0]).toEqual({ fromCountry: "CN", toCountry: "VN", sharePct: 10 }); // not mutated
    expect(removeMove(moves, 0)).toEqual([moves[1]]);
  });

  it("keeps the current from-country selectable even when it holds nothing at that point", () => {
    const [limit] = moveLimits(cnOnly, [{ fromCountry: "JP", toCountry: "VN", sharePct: 10 }]);
    expect(fromOptions(limit!, "JP")).toEqual([{ country: "CN", sharePct: 100 }, { country: "JP", sharePct: 0 }]);
    expect(fromOptions(limit!, "CN")).toEqual([{ country: "CN", sharePct: 100 }]);
  });

  it("sends only moves that move something and remembers where each sits in the editor", () => {
    const sent = effectiveMoves([
      { fromCountry: "CN", toCountry: "VN", sharePct: 0 },
      { fromCountry: "CN", toCountry: "TH", sharePct: 20 },
      { fromCountry: "CN", toCountry: "MX", sharePct: 5 },
    ]);
    expect(sent.moves.map((m) => m.toCountry)).toEqual(["TH", "MX"]);
    expect(sent.index).toEqual([1, 2]);
  });
});
