// Retries of idempotent calls on 500/502/503/504 and connection errors, with backoff and Retry-After.
import { describe, expect, it } from "vitest";
import {
  Comm100BadRequestError,
  Comm100ConnectionError,
  Comm100InternalServerError,
  Comm100QuotaExceededError,
  createComm100Client,
} from "../src/index.js";
import { API_KEY, clientFor, EMAIL, json, startServer } from "./helpers.js";

/** Answers `status` for the first `n` requests, then 200. */
const burst = (n: number, status = 503, headers: Record<string, string> = {}) =>
  startServer((_r, res, i) =>
    i <= n ? json(res, status, { code: status * 1000, message: "busy" }, headers) : json(res, 200, [{ id: 1 }]),
  );

describe("retries", () => {
  it("GET: a 503 burst then success is retried (3 attempts)", async () => {
    const s = await burst(2);
    expect(await clientFor(s).agents.list()).toEqual([{ id: 1 }]);
    expect(s.requests).toHaveLength(3);
  });

  for (const status of [500, 502, 504]) {
    it(`GET is retried on ${status}`, async () => {
      const s = await burst(1, status);
      await clientFor(s).agents.list();
      expect(s.requests).toHaveLength(2);
    });
  }

  it("gives up after `retries` and throws the last error", async () => {
    const s = await burst(10, 500);
    await expect(clientFor(s).agents.list()).rejects.toBeInstanceOf(Comm100InternalServerError);
    expect(s.requests).toHaveLength(3);
  });

  it("PUT and DELETE are retried after a 503 with Retry-After (the server did not act), with the same body", async () => {
    const s = await burst(1, 503, { "retry-after": "0" });
    await clientFor(s).departments.update(3, { name: "sales" });
    await clientFor(s).agents.delete("a@b.c");
    expect(s.requests.map((r) => r.method)).toEqual(["PUT", "PUT", "DELETE"]);
    expect(s.requests[1]!.body.toString()).toBe("name=sales");
  });

  it("PUT and DELETE are not retried after a plain 503 (the server may have acted)", async () => {
    const s = await burst(1);
    await expect(clientFor(s).departments.update(3, { name: "sales" })).rejects.toMatchObject({ status: 503 });
    expect(s.requests.map((r) => r.method)).toEqual(["PUT"]);
  });

  it("POST is never retried", async () => {
    const s = await burst(1);
    await expect(clientFor(s).departments.create({ name: "sales" })).rejects.toMatchObject({ status: 503 });
    expect(s.requests).toHaveLength(1);
  });

  it("4xx is never retried", async () => {
    const s = await burst(5, 400);
    await expect(clientFor(s).agents.list()).rejects.toBeInstanceOf(Comm100BadRequestError);
    expect(s.requests).toHaveLength(1);
  });

  it("the daily-quota 403 is never retried", async () => {
    const s = await startServer((_r, res) =>
      json(res, 403, { code: 403001, message: "The number of API requests has exceeded the daily limit." }),
    );
    await expect(clientFor(s).agents.list()).rejects.toBeInstanceOf(Comm100QuotaExceededError);
    expect(s.requests).toHaveLength(1);
  });

  it("retry: false disables retries", async () => {
    const s = await burst(1);
    await expect(clientFor(s, { retry: false }).agents.list()).rejects.toMatchObject({ status: 503 });
    expect(s.requests).toHaveLength(1);
  });

  it("retry.retries is configurable", async () => {
    const s = await burst(4);
    await clientFor(s, { retry: { retries: 4, minDelayMs: 1, maxDelayMs: 2 } }).agents.list();
    expect(s.requests).toHaveLength(5);
  });

  it("connection errors are retried for GET", async () => {
    let calls = 0;
    const s = await startServer((_r, res) => json(res, 200, []));
    const comm100 = createComm100Client({
      baseUrl: s.base,
      email: EMAIL,
      apiKey: API_KEY,
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
      fetch: (req) => (++calls < 3 ? Promise.reject(new TypeError("fetch failed")) : globalThis.fetch(req)),
    });
    expect(await comm100.agents.list()).toEqual([]);
    expect(calls).toBe(3);
    const never = createComm100Client({
      baseUrl: s.base,
      email: EMAIL,
      apiKey: API_KEY,
      retry: { retries: 2, minDelayMs: 1 },
      fetch: () => Promise.reject(new TypeError("fetch failed")),
    });
    await expect(never.agents.list()).rejects.toBeInstanceOf(Comm100ConnectionError);
  });

  it("Retry-After in seconds is honoured", async () => {
    const s = await burst(1, 503, { "retry-after": "1" });
    const t0 = Date.now();
    await clientFor(s, { retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 } }).agents.list();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(s.requests).toHaveLength(2);
  });

  it("Retry-After as an HTTP date is honoured", async () => {
    const s = await startServer((_r, res, i) =>
      i === 1 ? json(res, 503, {}, { "retry-after": new Date(Date.now() + 1500).toUTCString() }) : json(res, 200, []),
    );
    const t0 = Date.now();
    await clientFor(s, { retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 } }).agents.list();
    // HTTP dates have 1 s resolution
    expect(Date.now() - t0).toBeGreaterThanOrEqual(400);
    expect(s.requests).toHaveLength(2);
  });

  it("a Retry-After beyond maxRetryAfterMs is not waited for: the error carries it", async () => {
    const s = await burst(1, 503, { "retry-after": "3600" });
    const err = await clientFor(s, { retry: { retries: 1, minDelayMs: 1, maxRetryAfterMs: 50 } })
      .agents.list()
      .catch((e) => e);
    expect([err.status, err.retryAfterMs, s.requests.length]).toEqual([503, 3_600_000, 1]);
  });

  it("the backoff wait is aborted by the user's signal", async () => {
    const s = await burst(1, 503, { "retry-after": "30" });
    const ac = new AbortController();
    const t0 = Date.now();
    const p = clientFor(s).agents.list({}, { signal: ac.signal });
    setTimeout(() => ac.abort(), 200);
    const err = await p.catch((e) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect(err.name).toBe("AbortError");
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(s.requests).toHaveLength(1);
  });
});
