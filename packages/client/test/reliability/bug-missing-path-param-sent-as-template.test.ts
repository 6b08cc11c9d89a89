// Regression: the request style with a path parameter left out sent the template itself
// (`GET /livechat/operators/%7Bemail%7D`); the README promises a Comm100ConfigError.
import { describe, expect, it } from "vitest";
import { Comm100ConfigError } from "../../src/index.js";
import { clientFor, startServer } from "../helpers.js";

describe("bug: a missing path parameter is sent as the template", () => {
  it("request style: left out, undefined, null or empty -> Comm100ConfigError naming it, nothing sent", async () => {
    const s = await startServer();
    const c = clientFor(s);
    const inits = [
      { params: { path: {} } },
      { params: { path: { email: undefined } } },
      { params: { path: { email: null } } },
      { params: { path: { email: "" } } },
      {},
    ];
    for (const init of inits) {
      const err = await c.GET("/livechat/operators/{email}", init as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Comm100ConfigError);
      expect((err as Error).message).toBe("GET /livechat/operators/{email}: path parameter `email` is required");
    }
    const err = await c.PUT("/livechat/operators/{email}/reset_api_key", {} as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Comm100ConfigError);
    expect(s.requests).toEqual([]);
  });

  it("resource style: the same", async () => {
    const s = await startServer();
    await expect(clientFor(s).agents.get(undefined as never)).rejects.toThrow(/^agents\.get: path parameter `email` is required$/);
    expect(s.requests).toEqual([]);
  });
});
