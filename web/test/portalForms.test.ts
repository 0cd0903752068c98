import { describe, expect, it } from "vitest";
import { homeFor, PAGE_ROLES } from "../src/auth/session";
import { latestMilestone, nextMilestone, validateMilestone, type MilestoneInput } from "../src/portal/milestoneRules";
import { problemToFields } from "../src/portal/problemFields";
import { portalSupplierId } from "../src/portal/portalRoute";
import { typicalCapacity, validateStatus, type StatusInput } from "../src/portal/statusRules";
import { textProblem } from "../src/portal/textRules";
import { msToUtcInput, utcInputToIso } from "../src/portal/utcInput";
import type { Milestone } from "../src/api/types";

const now = Date.parse("2026-11-30T10:00:00Z");
const status = (over: Partial<StatusInput> = {}): StatusInput =>
  ({ siteId: "SE-1", status: "halted", capacityPct: "0", expectedRecovery: "", note: "", ...over });
const milestone = (over: Partial<MilestoneInput> = {}): MilestoneInput =>
  ({ shipmentId: "SIM-1", code: "loaded", at: "2026-11-30T09:30", locode: "", note: "", ...over });
const m = (code: Milestone["code"], at = "2026-11-30T08:00:00Z"): Milestone => ({ code, at, locode: null, note: null });

describe("date-time inputs read as UTC", () => {
  it("turns the input's value into an RFC 3339 UTC time and back", () => {
    expect(utcInputToIso("2026-11-30T10:45")).toBe("2026-11-30T10:45:00Z");
    expect(utcInputToIso("2026-11-30T10:45:30")).toBe("2026-11-30T10:45:30Z");
    expect(msToUtcInput(Date.parse("2026-11-30T10:45:59.900Z"))).toBe("2026-11-30T10:45");
  });
  it("refuses what is not a real date-time", () => {
    for (const bad of ["", "tomorrow", "2026-02-31T10:00", "2026-11-30T24:10", "2026-11-30 10:00", "2026-11-30T10:60"])
      expect(utcInputToIso(bad), bad).toBeNull();
  });
});

describe("post site status: browser checks", () => {
  it("builds the API body: a site or all sites, numbers as numbers, empty optionals as null", () => {
    expect(validateStatus(status({ note: "  " }), ["SE-1"], now)).toEqual({
      ok: true, body: { siteId: "SE-1", status: "halted", capacityPct: 0, expectedRecovery: null, note: null },
    });
    const all = validateStatus(status({ siteId: "", status: "reduced", capacityPct: "62.5", expectedRecovery: "2026-12-05T08:00", note: "<b>line 2</b>" }), ["SE-1"], now);
    expect(all).toEqual({ ok: true, body: { siteId: null, status: "reduced", capacityPct: 62.5, expectedRecovery: "2026-12-05T08:00:00Z", note: "<b>line 2</b>" } });
  });

  it("names every bad field with a message", () => {
    const r = validateStatus({ siteId: "XX-9", status: "closed", capacityPct: "120", expectedRecovery: "2026-11-29T10:00", note: "a\u0007b" }, ["SE-1"], now);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      siteId: "choose one of your sites, or all sites",
      status: "choose operating, reduced or halted",
      capacityPct: "must be between 0 and 100",
      expectedRecovery: "must be in the future",
      note: "must not contain control characters",
    });
  });

  it("requires a capacity that is a number, and a recovery that is a date", () => {
    const missing = validateStatus(status({ capacityPct: " " }), ["SE-1"], now);
    const text = validateStatus(status({ capacityPct: "half", expectedRecovery: "soon" }), ["SE-1"], now);
    expect(missing.ok ? null : missing.errors.capacityPct).toBe("is required (0–100 %)");
    expect(text.ok ? null : text.errors).toEqual({ capacityPct: "must be a number", expectedRecovery: "must be a date and time" });
    expect(validateStatus(status({ capacityPct: "100", status: "operating" }), ["SE-1"], now).ok).toBe(true);
  });

  it("keeps notes to the API's 2,000 characters, line breaks allowed", () => {
    expect(validateStatus(status({ note: "x".repeat(2000) }), ["SE-1"], now).ok).toBe(true);
    const long = validateStatus(status({ note: "x".repeat(2001) }), ["SE-1"], now);
    expect(long.ok ? null : long.errors.note).toBe("must be at most 2,000 characters (now 2,001)");
    expect(textProblem("line 1\r\nline 2\tend", 50)).toBeNull();
  });

  it("offers the capacity a status goes with", () => {
    expect([typicalCapacity("halted"), typicalCapacity("operating"), typicalCapacity("reduced")]).toEqual(["0", "100", null]);
  });
});

describe("post milestone: browser checks", () => {
  it("builds the API body with the locode upper-cased", () => {
    expect(validateMilestone(milestone({ locode: " cnsha ", note: "Loaded on MSC Anna" }), ["SIM-1"], now)).toEqual({
      ok: true, body: { code: "loaded", at: "2026-11-30T09:30:00Z", locode: "CNSHA", note: "Loaded on MSC Anna" },
    });
  });

  it("refuses an unknown shipment or code, a missing or future time and a malformed locode", () => {
    const r = validateMilestone({ shipmentId: "SIM-9", code: "teleported", at: "2026-11-30T11:00", locode: "Shanghai", note: "" }, ["SIM-1"], now);
    expect(r.ok ? null : r.errors).toEqual({
      shipmentId: "choose one of your shipments",
      code: "choose a milestone",
      at: "is in the future",
      locode: "must be a 5-character UN/LOCODE such as CNSHA",
    });
    const noTime = validateMilestone(milestone({ at: "" }), ["SIM-1"], now);
    expect(noTime.ok ? null : noTime.errors).toEqual({ at: "is required" });
    // The API allows a few minutes of clock skew, so does the form.
    expect(validateMilestone(milestone({ at: "2026-11-30T10:04" }), ["SIM-1"], now).ok).toBe(true);
  });

  it("proposes the usual next milestone, none after delivery", () => {
    expect(nextMilestone([])).toBe("booked");
    expect(nextMilestone([m("booked"), m("gate-in"), m("loaded")])).toBe("departed");
    expect(nextMilestone([m("departed"), m("transshipment")])).toBe("arrived");
    expect(nextMilestone([m("discharged"), m("customs-hold")])).toBe("customs-cleared");
    expect(nextMilestone([m("customs-cleared"), m("delivered")])).toBeNull();
    // Latest by code order, as the API compares: a hold posted after clearance does not move the shipment back.
    expect(latestMilestone([m("customs-cleared"), m("customs-hold", "2026-11-30T09:00:00Z")])?.code).toBe("customs-cleared");
  });
});

describe("problem details onto form fields", () => {
  const fields = ["siteId", "status", "capacityPct", "expectedRecovery", "note"];

  it("puts field errors under their field, JSON paths included, and the rest on the form", () => {
    const p = problemToFields({
      status: 400, detail: "One or more fields are invalid.",
      errors: { capacityPct: ["must be between 0 and 100"], "$.note": ["must not contain control characters"], "$.extra": ["unknown property"], "$": ["a JSON body is required"] },
    }, 400, fields);
    expect(p.fields).toEqual({ capacityPct: ["must be between 0 and 100"], note: ["must not contain control characters"] });
    expect(p.general).toEqual(["extra: unknown property", "a JSON body is required"]);
  });

  it("shows a refusal's reason as given (409 out of order, 404 not found)", () => {
    expect(problemToFields({ status: 409, title: "Conflict", detail: "'loaded' cannot follow 'departed'" }, 409, fields))
      .toEqual({ fields: {}, general: ["'loaded' cannot follow 'departed'"] });
    expect(problemToFields({ status: 404, detail: "no shipment 'SIM-9'" }, 404, fields).general).toEqual(["no shipment 'SIM-9'"]);
  });

  it("still says something when the server sent no problem details", () => {
    expect(problemToFields(null, 404, fields).general).toEqual(["Not found."]);
    expect(problemToFields(null, 502, fields).general).toEqual(["The server failed (HTTP 502); try again."]);
  });
});

describe("portal routing", () => {
  it("lands a supplier on its portal, and opens the portal to suppliers only", () => {
    expect(homeFor("supplier")).toBe("/portal");
    expect(PAGE_ROLES.portal).toEqual(["supplier"]);
    for (const page of ["map", "board", "suppliers"] as const) expect(PAGE_ROLES[page]).not.toContain("supplier");
  });
  it("shows the signed-in supplier unless the URL names one (which the API then answers for)", () => {
    expect(portalSupplierId("", "S-KR-BAT")).toBe("S-KR-BAT");
    expect(portalSupplierId("?supplier=S-SZ-MCU", "S-KR-BAT")).toBe("S-SZ-MCU");
    expect(portalSupplierId("?supplier=", "S-KR-BAT")).toBe("S-KR-BAT");
    expect(portalSupplierId("", null)).toBeNull();
  });
});
