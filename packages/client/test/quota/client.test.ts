// The limits wired into the client: every attempt of both styles and of pagination goes through them.
import { describe, expect, it } from "vitest";
import { Comm100QuotaExceededError } from "../../src/index.js";
import { createLimits, createMemoryQuotaStore } from "../../src/quota/index.js";
import { clientFor, json, startServer } from "../helpers.js";

const QUOTA_403 = { code: 403001, message: "Exceeded the daily request quota of the account" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("client with limits", () => {
  it("counts every attempt, retries included, and shows it in client.quota", async () => {
    const s = await startServer((_r, res, n) => (n <= 2 ? json(res, 503, {}) : json(res, 200, [])));
    const comm100 = clientFor(s, { limits: createLimits({ quota: { dailyLimit: 100 } }) });
    expect(comm100.quota).toMatchObject({ used: 0, limit: 100, exhausted: false });
    await comm100.agents.list();
    expect(s.requests).toHaveLength(3);
    expect(comm100.quota!.used).toBe(3);
    expect(comm100.quota!.resetsAt.getTime() % 86_400_000).toBe(0);
    expect(clientFor(s).quota).toBeUndefined();
  });

  it("past the budget a call fails with Comm100QuotaExceededError without sending, in both styles", async () => {
    const s = await startServer((_r, res) => json(res, 200, []));
    const comm100 = clientFor(s, { limits: createLimits({ quota: { dailyLimit: 2 } }) });
    await comm100.agents.list();
    await comm100.GET("/livechat/operators");
    const err = await comm100.agents.list().catch((e) => e);
    expect(err).toBeInstanceOf(Comm100QuotaExceededError);
    expect(err.quotaResetsAt).toEqual(comm100.quota!.resetsAt);
    expect(err.message).toContain("not sent");
    await expect(comm100.GET("/livechat/operators")).rejects.toBeInstanceOf(Comm100QuotaExceededError);
    expect(s.requests).toHaveLength(2);
  });

  it("the server's quota 403 makes later calls fail fast in every client sharing the store", async () => {
    const s = await startServer((_r, res) => json(res, 403, QUOTA_403));
    const store = createMemoryQuotaStore();
    const a = clientFor(s, { limits: createLimits({ quota: { dailyLimit: 1000, store } }) });
    const b = clientFor(s, { limits: createLimits({ quota: { dailyLimit: 1000, store } }) });
    await expect(a.agents.list()).rejects.toBeInstanceOf(Comm100QuotaExceededError);
    await sleep(10);
    await expect(a.agents.list()).rejects.toBeInstanceOf(Comm100QuotaExceededError);
    await expect(b.departments.list()).rejects.toBeInstanceOf(Comm100QuotaExceededError);
    expect(s.requests).toHaveLength(1);
    expect(b.quota).toMatchObject({ exhausted: true });
    // a 403 that is not about the quota does not
    const other = await startServer((_r, res) => json(res, 403, { code: 403000, message: "No permission" }));
    const c = clientFor(other, { limits: createLimits({ quota: { dailyLimit: 1000 } }) });
    await expect(c.agents.list()).rejects.not.toBeInstanceOf(Comm100QuotaExceededError);
    await expect(c.agents.list()).rejects.not.toBeInstanceOf(Comm100QuotaExceededError);
    expect(other.requests).toHaveLength(2);
  });

  it("maxConcurrency holds across both styles and pagination sharing one Limits", async () => {
    let inFlight = 0;
    let peak = 0;
    const s = await startServer(async (r, res) => {
      peak = Math.max(peak, ++inFlight);
      await sleep(15);
      inFlight--;
      if (r.path.endsWith("/chats")) json(res, 200, { chats: [{ id: r.query.get("page") }], pages: 4, total: 4 });
      else json(res, 200, []);
    });
    const limits = createLimits({ maxConcurrency: 2 });
    const one = clientFor(s, { limits });
    const two = clientFor(s, { limits });
    const pages = (async () => {
      const ids = [];
      for await (const c of one.chats.listAll()) ids.push(c.id);
      return ids;
    })();
    await Promise.all([
      ...Array.from({ length: 6 }, () => one.agents.list()),
      ...Array.from({ length: 6 }, () => two.GET("/livechat/operators")),
      pages,
    ]);
    expect(await pages).toEqual(["1", "2", "3", "4"]);
    expect(s.requests).toHaveLength(16);
    expect(peak).toBe(2);
  });

  it("a call waiting for its turn is abortable, and sends nothing", async () => {
    const s = await startServer(async (_r, res) => {
      await sleep(100);
      json(res, 200, []);
    });
    const comm100 = clientFor(s, { limits: createLimits({ maxConcurrency: 1 }) });
    const first = comm100.agents.list();
    const ctl = new AbortController();
    const queued = comm100.agents.list({}, { signal: ctl.signal });
    ctl.abort(new Error("not needed"));
    await expect(queued).rejects.toThrow("not needed");
    await first;
    expect(s.requests).toHaveLength(1);
  });

  it('"wait": the call waits for the reset, then is sent', async () => {
    const offset = Math.ceil(Date.now() / 86_400_000) * 86_400_000 - 200 - Date.now();
    const s = await startServer((_r, res) => json(res, 200, []));
    const comm100 = clientFor(s, {
      limits: createLimits({ quota: { dailyLimit: 1, onExhausted: "wait", now: () => Date.now() + offset } }),
    });
    await comm100.agents.list();
    const before = comm100.quota!.resetsAt;
    await comm100.agents.list();
    expect(s.requests).toHaveLength(2);
    expect(comm100.quota).toMatchObject({ used: 1, resetsAt: new Date(before.getTime() + 86_400_000) });
  });
});
