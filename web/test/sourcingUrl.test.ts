import { describe, expect, it } from "vitest";
import { fitScope, parseState, requestOf, stateOfRequest, stateSearch, type SourcingState } from "../src/sourcing/sourcingUrl";

const whatIf: SourcingState = {
  factoryId: "F-MTY", partNumber: "IC-MCU-32F4", view: "whatif", scope: "part",
  moves: [{ fromCountry: "CN", toCountry: "VN", sharePct: 50 }, { fromCountry: "CN", toCountry: "TH", sharePct: 12.5 }],
};

describe("sourcing URL", () => {
  it("round-trips a what-if: factory, part, scope and moves in order", () => {
    const search = stateSearch(whatIf);
    expect(search).toBe("?factory=F-MTY&part=IC-MCU-32F4&view=whatif&scope=part&move=CN-VN-50&move=CN-TH-12.5");
    expect(parseState(search)).toEqual(whatIf);
  });

  it("round-trips ids with characters that need escaping", () => {
    const state: SourcingState = { ...whatIf, factoryId: "Plant 7/A&B", partNumber: "IC 3/4+", scope: "part-all" };
    expect(parseState(stateSearch(state))).toEqual(state);
  });

  it("keeps only factory and part in the sourcing view", () => {
    const search = stateSearch({ ...whatIf, view: "sourcing" });
    expect(search).toBe("?factory=F-MTY&part=IC-MCU-32F4");
    expect(parseState(search)).toEqual({ factoryId: "F-MTY", partNumber: "IC-MCU-32F4", view: "sourcing", scope: "part", moves: [] });
    expect(stateSearch({ factoryId: null, partNumber: null, view: "sourcing", scope: "factory", moves: [] })).toBe("");
  });

  it("drops moves it cannot honour instead of failing the page", () => {
    const s = parseState("?factory=F-MTY&view=whatif&move=CN-VN-0&move=CN-CN-10&move=CN-VN-101&move=china-vn-5&move=cn-vn-7.25&move=XX");
    expect(s.moves).toEqual([{ fromCountry: "CN", toCountry: "VN", sharePct: 7.25 }]);
    expect(parseState(`?view=whatif${"&move=CN-VN-1".repeat(30)}`).moves).toHaveLength(20);
  });

  it("falls back to the factory scope without a part, and to a part's scope when one is given", () => {
    expect(parseState("?factory=F-MTY&view=whatif&scope=part").scope).toBe("factory");
    expect(parseState("?factory=F-MTY&part=P1&view=whatif").scope).toBe("part");
    expect(parseState("?factory=F-MTY&part=P1&view=whatif&scope=bogus").scope).toBe("part");
    expect(parseState("?factory=F-MTY&part=P1&view=whatif&scope=factory").scope).toBe("factory");
    expect(fitScope("part-all", null)).toBe("factory");
  });

  it("refuses ids the host would refuse (control characters, over 64 characters)", () => {
    expect(parseState("?factory=F%0AMTY").factoryId).toBeNull();
    expect(parseState(`?part=${"P".repeat(65)}`).partNumber).toBeNull();
    expect(parseState("?factory=%20F-MTY%20").factoryId).toBe("F-MTY");
  });
});

describe("what-if request", () => {
  const moves = [{ fromCountry: "CN", toCountry: "VN", sharePct: 50 }];

  it("names the part and factory, the part alone, or the factory alone by scope", () => {
    expect(requestOf(whatIf, moves)).toEqual({ partNumber: "IC-MCU-32F4", factoryId: "F-MTY", moves });
    expect(requestOf({ ...whatIf, scope: "part-all" }, moves)).toEqual({ partNumber: "IC-MCU-32F4", moves });
    expect(requestOf({ ...whatIf, scope: "factory" }, moves)).toEqual({ factoryId: "F-MTY", moves });
    expect(requestOf({ ...whatIf, scope: "part", partNumber: null }, moves)).toEqual({ factoryId: "F-MTY", moves });
    expect(requestOf({ ...whatIf, scope: "factory", factoryId: null }, moves)).toBeNull();
  });

  it("opens a saved request with its scope and moves", () => {
    const current: SourcingState = { factoryId: "F-GDL", partNumber: null, view: "sourcing", scope: "factory", moves: [] };
    expect(stateOfRequest({ partNumber: "P1", moves }, current)).toEqual({ factoryId: "F-GDL", partNumber: "P1", view: "whatif", scope: "part-all", moves });
    expect(stateOfRequest({ factoryId: "F-MTY", moves }, current)).toEqual({ factoryId: "F-MTY", partNumber: null, view: "whatif", scope: "factory", moves });
    expect(stateOfRequest({ factoryId: "F-MTY", partNumber: "P1", moves }, current).scope).toBe("part");
  });
});
