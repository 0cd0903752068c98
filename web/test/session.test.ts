import { describe, expect, it } from "vitest";
import { parseSession, safeNext } from "../src/auth/session";

const session = (expiresAt: string) => JSON.stringify({
  accessToken: "t", expiresAt, user: { username: "operator", displayName: "O", role: "operator", supplierId: null },
});

describe("parseSession", () => {
  const now = Date.parse("2026-11-30T10:00:00Z");
  it("keeps a session that is still valid", () => {
    expect(parseSession(session("2026-11-30T12:00:00Z"), now)?.user.username).toBe("operator");
  });
  it("drops an expired session and one about to expire", () => {
    expect(parseSession(session("2026-11-30T09:59:00Z"), now)).toBeNull();
    expect(parseSession(session("2026-11-30T10:00:10Z"), now)).toBeNull();
  });
  it("drops garbage", () => {
    expect(parseSession(null, now)).toBeNull();
    expect(parseSession("{", now)).toBeNull();
    expect(parseSession(JSON.stringify({ accessToken: 1 }), now)).toBeNull();
  });
});

describe("safeNext", () => {
  it("allows paths on this site only", () => {
    expect(safeNext("/board?zone=red")).toBe("/board?zone=red");
    expect(safeNext("//evil.example/")).toBeNull();
    expect(safeNext("https://evil.example/")).toBeNull();
    expect(safeNext("/signin?next=/")).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});
