// Regression: `retry` options of NaN/undefined and a per-call `timeoutMs` of 0, -1, NaN or "abc" were
// accepted (`timed out after abc ms`; an undefined `maxDelayMs` made every backoff NaN). Every numeric
// option is now checked at creation and per call: Comm100ConfigError, nothing sent.
import { describe, expect, it } from "vitest";
import { Comm100ConfigError, createComm100Client } from "../../src/index.js";
import { API_KEY, EMAIL, clientFor, json, startServer } from "../helpers.js";

const bad = [0, -1, Number.NaN, "abc", "5", null, {}];

describe("bug: numeric options are not validated", () => {
  it("client options: timeoutMs, maxResponseBytes and every retry field", () => {
    const make = (extra: object) => () => createComm100Client({ email: EMAIL, apiKey: API_KEY, ...extra });
    for (const v of bad) {
      expect(make({ timeoutMs: v }), `timeoutMs ${String(v)}`).toThrow(Comm100ConfigError);
      expect(make({ maxResponseBytes: v }), `maxResponseBytes ${String(v)}`).toThrow(Comm100ConfigError);
    }
    for (const retry of [
      Number.NaN,
      true,
      "2",
      null,
      { retries: Number.NaN },
      { retries: 1.5 },
      { retries: -1 },
      { retries: Infinity },
      { minDelayMs: Number.NaN },
      { maxDelayMs: -1 },
      { maxRetryAfterMs: "9" },
    ])
      expect(make({ retry }), JSON.stringify(retry) ?? String(retry)).toThrow(Comm100ConfigError);
    expect(make({ timeoutMs: "abc" })).toThrow('`timeoutMs` must be a positive number; got "abc"');
  });

  it("retry fields left undefined keep their defaults (no NaN backoff)", async () => {
    const s = await startServer((_r, res, n) => (n === 1 ? json(res, 503, {}) : json(res, 200, [])));
    const delays: unknown[] = [];
    const c = clientFor(s, {
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: undefined, maxRetryAfterMs: undefined },
      logger: { debug: (m, d) => m === "comm100 retry" && delays.push(d.delayMs) },
    });
    expect(await c.agents.list()).toEqual([]);
    expect(delays).toHaveLength(1);
    expect(Number.isFinite(delays[0])).toBe(true);
  });

  it("per call: timeoutMs and retry, in both styles, before anything is sent", async () => {
    const s = await startServer();
    const c = clientFor(s);
    for (const timeoutMs of bad) {
      await expect(c.agents.list({}, { timeoutMs: timeoutMs as never }), String(timeoutMs)).rejects.toThrow(
        /^agents\.list: `timeoutMs` must be a positive number/,
      );
      await expect(c.GET("/livechat/operators", { timeoutMs } as never)).rejects.toThrow(/^GET \/livechat\/operators: `timeoutMs`/);
    }
    for (const retry of [Number.NaN, { retries: Number.NaN }, { maxDelayMs: -5 }]) {
      await expect(c.agents.list({}, { retry: retry as never })).rejects.toBeInstanceOf(Comm100ConfigError);
      await expect(c.GET("/livechat/operators", { retry } as never)).rejects.toBeInstanceOf(Comm100ConfigError);
      await expect(c.departments.create({ name: "x" }, { retry: retry as never })).rejects.toBeInstanceOf(Comm100ConfigError);
    }
    expect(s.requests).toEqual([]);
  });
});
