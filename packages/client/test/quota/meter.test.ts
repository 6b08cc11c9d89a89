import { describe, expect, it } from "vitest";
import { Comm100ConfigError } from "../../src/index.js";
import { QuotaMeter, createMemoryQuotaStore } from "../../src/quota/index.js";

const at = (iso: string) => Date.parse(iso);

describe("QuotaMeter", () => {
  it("counts per account and UTC day, refuses past the limit without counting", async () => {
    let now = at("2026-12-01T23:59:59.000Z");
    const meter = new QuotaMeter({ dailyLimit: 3, now: () => now });
    for (let i = 0; i < 3; i++) expect((await meter.reserve("a")).ok).toBe(true);
    expect(await meter.reserve("a")).toEqual({ ok: false, resetsAt: at("2026-12-02T00:00:00.000Z") });
    expect(meter.snapshot("a")).toEqual({ used: 3, limit: 3, resetsAt: new Date("2026-12-02T00:00:00.000Z"), exhausted: false });
    expect((await meter.reserve("b")).ok).toBe(true); // another account has its own count
    now = at("2026-12-02T00:00:00.000Z"); // midnight UTC: a new day
    expect(meter.snapshot("a").used).toBe(0);
    expect((await meter.reserve("a")).ok).toBe(true);
    expect(meter.snapshot("a")).toMatchObject({ used: 1, resetsAt: new Date("2026-12-03T00:00:00.000Z") });
  });

  it("share: stops at floor(dailyLimit * share) of the count every client of the store made", async () => {
    const store = createMemoryQuotaStore();
    const batch = new QuotaMeter({ dailyLimit: 10, share: 0.5, store });
    const interactive = new QuotaMeter({ dailyLimit: 10, store });
    let sent = 0;
    while ((await batch.reserve("acct")).ok) sent++;
    expect(sent).toBe(5);
    while ((await interactive.reserve("acct")).ok) sent++;
    expect(sent).toBe(10);
    expect((await batch.read("acct")).used).toBe(10);
  });

  it("a day marked used up refuses every meter of the store until the next day", async () => {
    let now = at("2026-12-01T12:00:00.000Z");
    const store = createMemoryQuotaStore();
    const m1 = new QuotaMeter({ dailyLimit: 100, store, now: () => now });
    const m2 = new QuotaMeter({ dailyLimit: 100, store, now: () => now });
    const v = await m1.reserve("acct");
    if (!v.ok) throw new Error("refused");
    now = at("2026-12-02T00:00:01.000Z"); // the 403 arrives after midnight: it marks the day it was counted on
    await m1.markExhausted("acct", v.day);
    now = at("2026-12-01T13:00:00.000Z"); // m2 (another clock, still on the 1st) is refused
    expect((await m2.reserve("acct")).ok).toBe(false);
    expect((await m2.read("acct")).exhausted).toBe(true);
    now = at("2026-12-02T00:00:01.000Z");
    expect((await m2.reserve("acct")).ok).toBe(true);
    now = at("2026-12-01T13:00:00.000Z");
    expect(m1.snapshot("acct").exhausted).toBe(true);
  });

  it("the account option replaces the client's name, so agents of one account share a count", async () => {
    const store = createMemoryQuotaStore();
    const m = new QuotaMeter({ dailyLimit: 2, store, account: "site 10000" });
    expect(m.day("https://x/api/v1 a@example.com").key).toMatch(/^site 10000 \d{4}-\d\d-\d\d$/);
    await m.reserve("agent1");
    await m.reserve("agent2");
    expect((await m.reserve("agent3")).ok).toBe(false);
  });

  it("rejects bad options with a Comm100ConfigError", () => {
    for (const o of [{ dailyLimit: 0 }, { dailyLimit: 1.5 }, { dailyLimit: 10, share: 0 }, { dailyLimit: 10, share: 1.2 }])
      expect(() => new QuotaMeter(o)).toThrow(Comm100ConfigError);
  });
});
