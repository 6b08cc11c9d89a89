// Regression (issue 15): a 429 with `Retry-After` was a plain Comm100ApiError, not retried, the
// header not exposed; errors had no response headers. 429 and 503 with a valid Retry-After are now
// retried after the asked wait (within retries and maxRetryAfterMs); when not retried, the error
// is a Comm100RateLimitError (429) with `retryAfterMs`; every Comm100ApiError has `status`,
// `headers` and the request `url` without credentials.
import { describe, expect, it } from "vitest";
import { Comm100ApiError, Comm100NotFoundError, Comm100RateLimitError } from "../../src/index.js";
import { API_KEY, clientFor, json, startServer } from "../helpers.js";

describe("bug: 429 is not retried and errors hide the response", () => {
  it("429 with Retry-After: 0 is retried, then the data", async () => {
    const s = await startServer((_r, res, n) =>
      n === 1 ? json(res, 429, { code: 429000, message: "slow down" }, { "retry-after": "0" }) : json(res, 200, [{ id: 1 }]),
    );
    expect(await clientFor(s).agents.list()).toEqual([{ id: 1 }]);
    expect(s.requests).toHaveLength(2);
  });

  it("429 past the retries: Comm100RateLimitError with retryAfterMs and the headers", async () => {
    const s = await startServer((_r, res) =>
      json(res, 429, { code: 429000, message: "slow down" }, { "retry-after": "0", "x-ratelimit-remaining": "0" }),
    );
    const err = (await clientFor(s, { retry: { retries: 1, minDelayMs: 1 } })
      .agents.list()
      .catch((e: unknown) => e)) as Comm100RateLimitError;
    expect(err).toBeInstanceOf(Comm100RateLimitError);
    expect(err).toBeInstanceOf(Comm100ApiError);
    expect([err.status, err.retryAfterMs, err.headers.get("x-ratelimit-remaining"), err.message]).toEqual([429, 0, "0", "slow down"]);
    expect(s.requests).toHaveLength(2);
  });

  it("429 asking for longer than maxRetryAfterMs: not retried, the wait on the error", async () => {
    const s = await startServer((_r, res) => json(res, 429, {}, { "retry-after": "120" }));
    const err = (await clientFor(s)
      .agents.list()
      .catch((e: unknown) => e)) as Comm100RateLimitError;
    expect([err.status, err.retryAfterMs]).toEqual([429, 120_000]);
    expect(s.requests).toHaveLength(1);
  });

  it("every API error has status, headers and the URL with the query, never credentials; both styles", async () => {
    const s = await startServer((_r, res) => json(res, 404, { code: 404000, message: "nope" }, { "x-request-id": "r-42" }));
    const c = clientFor(s, { throwOnError: true });
    for (const call of [
      () => c.agents.get("a b@c.d"),
      () => c.GET("/livechat/operators/{email}", { params: { path: { email: "a b@c.d" } } }),
    ]) {
      const err = (await call().catch((e: unknown) => e)) as Comm100NotFoundError;
      expect(err).toBeInstanceOf(Comm100NotFoundError);
      expect(err.status).toBe(404);
      expect(err.headers.get("x-request-id")).toBe("r-42");
      expect(err.headers.get("content-type")).toBe("application/json");
      expect(err.url).toBe(`${s.base}/livechat/operators/a%20b%40c.d`);
      expect(`${err.url} ${JSON.stringify([...err.headers])}`).not.toContain(API_KEY);
    }
    const q = (await c.chats.list({ keyword: "x y" }).catch((e: unknown) => e)) as Comm100ApiError;
    expect(q.url).toBe(`${s.base}/livechat/chats?keyword=x%20y`);
  });
});
