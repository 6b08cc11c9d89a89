// Regression: query keys were written as given: `agents.list({ "a=1&admin": "true" })` sent
// `?a=1&admin=true` (two parameters), and a key holding `#` cut the rest of the query off.
import { describe, expect, it } from "vitest";
import { clientFor, startServer } from "../helpers.js";

describe("bug: query keys are not encoded", () => {
  it("a key with = and & stays one parameter, in both styles", async () => {
    const s = await startServer();
    const c = clientFor(s);
    await c.agents.list({ "a=1&admin": "true" } as never);
    await c.GET("/livechat/operators", { params: { query: { "a=1&admin": "true" } as never } });
    for (const r of s.requests) {
      expect(r.rawQuery).toBe("a%3D1%26admin=true");
      expect([...r.query]).toEqual([["a=1&admin", "true"]]);
    }
  });

  it("a key with # does not cut off the parameters after it", async () => {
    const s = await startServer();
    await clientFor(s).chats.list({ "x#y": "1", page: 3 } as never);
    expect([...s.requests[0]!.query]).toEqual([
      ["x#y", "1"],
      ["page", "3"],
    ]);
  });
});
