import { describe, expect, it } from "vitest";
import { HttpError } from "@microsoft/signalr";
import { sessionRefused } from "../src/live/connection";

// What the SignalR client rejects start() and reports to the retry policy with when negotiate fails.
const negotiateFailed = (status: number, text: string) =>
  new Error("Failed to complete negotiation with the server: " + new HttpError(text, status));

describe("sessionRefused", () => {
  it("is true for the hub's 401 (user disabled or token expired), bare or wrapped by negotiate", () => {
    expect(sessionRefused(new HttpError("Unauthorized", 401))).toBe(true);
    expect(sessionRefused(negotiateFailed(401, "Unauthorized"))).toBe(true);
  });
  it("is false for anything a retry may fix", () => {
    expect(sessionRefused(new HttpError("Service Unavailable", 503))).toBe(false);
    expect(sessionRefused(negotiateFailed(503, "Service Unavailable"))).toBe(false);
    expect(sessionRefused(new Error("WebSocket closed with status code: 1006 (no reason given)."))).toBe(false);
    expect(sessionRefused(undefined)).toBe(false);
  });
});
