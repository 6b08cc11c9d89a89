import { describe, expect, it } from "vitest";
import { createLimits, createMemoryQuotaStore } from "../../src/quota/index.js";

describe("createLimits", () => {
  it("without a budget: only the limiter, nothing counted, no snapshot", async () => {
    const limits = createLimits({ maxConcurrency: 1 });
    const done = await limits.acquire("a", null);
    expect(typeof done).toBe("function");
    expect(limits.limiter.active).toBe(1);
    (done as (q: boolean) => void)(false);
    expect(limits.limiter.active).toBe(0);
    expect(limits.quota("a")).toBeUndefined();
    expect(await limits.readQuota("a")).toBeUndefined();
  });

  it('"throw": past the budget acquire answers the reset Date at once, and frees the slot', async () => {
    const limits = createLimits({ maxConcurrency: 1, quota: { dailyLimit: 2 } });
    for (let i = 0; i < 2; i++) ((await limits.acquire("a", null)) as (q: boolean) => void)(false);
    const v = await limits.acquire("a", null);
    expect(v).toBeInstanceOf(Date);
    expect((v as Date).getTime() % 86_400_000).toBe(0);
    expect(limits.limiter.active).toBe(0);
    expect(limits.quota("a")).toMatchObject({ used: 2, limit: 2, exhausted: false });
  });

  it("the server's quota 403 marks the day used up in every Limits sharing the store", async () => {
    const store = createMemoryQuotaStore();
    const a = createLimits({ quota: { dailyLimit: 1000, store } });
    const b = createLimits({ quota: { dailyLimit: 1000, store } });
    ((await a.acquire("acct", null)) as (q: boolean) => void)(true);
    await new Promise((r) => setTimeout(r, 0)); // the mark is written in the background
    expect(await a.acquire("acct", null)).toBeInstanceOf(Date);
    expect(await b.acquire("acct", null)).toBeInstanceOf(Date);
    expect(b.quota("acct")).toMatchObject({ used: 1, exhausted: true });
  });

  it('"wait": waits for the reset (by the injected clock) and then sends', async () => {
    // a clock 300 ms before midnight UTC, running at the real pace
    const offset = Math.ceil(Date.now() / 86_400_000) * 86_400_000 - 300 - Date.now();
    const now = () => Date.now() + offset;
    const limits = createLimits({ quota: { dailyLimit: 1, onExhausted: "wait", now } });
    ((await limits.acquire("a", null)) as (q: boolean) => void)(false);
    const before = limits.quota("a")!.resetsAt.getTime();
    const done = await limits.acquire("a", null);
    expect(typeof done).toBe("function");
    expect(now()).toBeGreaterThanOrEqual(before);
    expect(limits.quota("a")).toMatchObject({ used: 1, resetsAt: new Date(before + 86_400_000) });
  });

  it('"wait" is abortable, and fails at once when the reset is further than maxWaitMs', async () => {
    const limits = createLimits({ quota: { dailyLimit: 1, onExhausted: "wait", maxWaitMs: 10 } });
    ((await limits.acquire("a", null)) as (q: boolean) => void)(false);
    expect(await limits.acquire("a", null)).toBeInstanceOf(Date); // the reset is hours away, not 10 ms
    const waiting = createLimits({ quota: { dailyLimit: 1, onExhausted: "wait" } });
    ((await waiting.acquire("a", null)) as (q: boolean) => void)(false);
    const ctl = new AbortController();
    const p = waiting.acquire("a", ctl.signal);
    setTimeout(() => ctl.abort(new Error("cancelled")), 20);
    await expect(p).rejects.toThrow("cancelled");
  });

  it("a failing store rejects acquire with its error and frees the slot (nothing is sent)", async () => {
    const boom = new Error("store down");
    const store = { reserve: () => Promise.reject(boom), markExhausted: async () => {}, read: async () => ({ used: 0, exhausted: false }) };
    const limits = createLimits({ maxConcurrency: 1, quota: { dailyLimit: 5, store } });
    await expect(limits.acquire("a", null)).rejects.toBe(boom);
    expect(limits.limiter.active).toBe(0);
  });
});

describe("Limits.attemptHook (the transport's per-attempt hook shape)", () => {
  it("counts, refuses with Comm100QuotaExceededError past the budget, marks the day on a quota 403", async () => {
    const { Comm100QuotaExceededError } = await import("../../src/index.js");
    const limits = createLimits({ maxConcurrency: 1, quota: { dailyLimit: 3 } });
    const hook = limits.attemptHook("acct");
    const ctx = { method: "GET", url: "https://x/api/v1/livechat/operators", signal: undefined };
    await hook.beforeAttempt(ctx);
    expect(limits.limiter.active).toBe(1);
    hook.afterAttempt(ctx, { response: new Response("[]", { status: 200 }), text: "[]" });
    expect(limits.limiter.active).toBe(0);
    const ctx2 = { ...ctx };
    await hook.beforeAttempt(ctx2);
    const quota403 = JSON.stringify({ code: 403001, message: "Daily quota exceeded" });
    hook.afterAttempt(ctx2, { response: new Response(quota403, { status: 403 }), text: quota403 });
    await new Promise((r) => setTimeout(r, 0));
    const err = await hook.beforeAttempt({ ...ctx }).catch((e) => e);
    expect(err).toBeInstanceOf(Comm100QuotaExceededError);
    expect(err.body).toBeUndefined();
    expect(err.quotaResetsAt).toEqual(limits.quota("acct")!.resetsAt);
    expect(limits.quota("acct")).toMatchObject({ used: 2, exhausted: true });
    expect(limits.limiter.active).toBe(0);
  });
});
