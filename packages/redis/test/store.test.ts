// The Redis store on its own: atomic reservations, expiry at the reset, a data loss, fallback, errors.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuotaDay } from "@comm100-sdk/client/quota";
import { Comm100QuotaStoreError, createRedisQuotaStore } from "../src/index.js";
import { startRedis, type TestRedis } from "./redis-server.js";

let redis: TestRedis;
let admin: Redis;
beforeAll(async () => {
  redis = await startRedis();
  admin = new Redis(redis.url, { lazyConnect: true });
  await admin.connect();
});
afterAll(async () => {
  admin?.disconnect();
  await redis?.stop();
});

let n = 0;
const day = (ttlMs = 3_600_000): QuotaDay => ({ key: `acct-${++n} 2026-12-01`, resetsAt: Date.parse("2026-12-02T00:00:00Z"), ttlMs });

describe("createRedisQuotaStore", () => {
  it("200 concurrent reservations against a limit of 50: exactly 50 succeed", async () => {
    const stores = Array.from({ length: 4 }, () => createRedisQuotaStore({ url: redis.url }));
    const d = day();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => stores[i % 4]!.reserve(d, 1, 50)));
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    expect((await stores[0]!.read(d)).used).toBe(50);
    await Promise.all(stores.map((s) => s.close()));
  });

  it("the key expires at the reset plus the grace, by the caller's clock", async () => {
    const store = createRedisQuotaStore({ url: redis.url, keyPrefix: "t:", expiryGraceMs: 5000 });
    const d = day(10_000);
    await store.reserve(d, 1, 10);
    const ttl = await admin.pttl(`t:${d.key}`);
    expect(ttl).toBeGreaterThan(10_000);
    expect(ttl).toBeLessThanOrEqual(15_000);
    await store.close();
  });

  it("markExhausted refuses every store from then on, read reports it", async () => {
    const a = createRedisQuotaStore({ url: redis.url });
    const b = createRedisQuotaStore({ url: redis.url });
    const d = day();
    expect((await a.reserve(d, 1, 10)).ok).toBe(true);
    await a.markExhausted(d);
    expect(await b.reserve(d, 1, 10)).toEqual({ ok: false, used: 1, exhausted: true });
    expect(await b.read(d)).toEqual({ used: 1, exhausted: true });
    await Promise.all([a.close(), b.close()]);
  });

  it("after Redis lost the key, the count resumes from the highest count a client had seen", async () => {
    const a = createRedisQuotaStore({ url: redis.url });
    const b = createRedisQuotaStore({ url: redis.url });
    const d = day();
    for (let i = 0; i < 7; i++) await a.reserve(d, 1, 10); // a saw 7
    await b.reserve(d, 1, 10); // b saw 8
    await admin.del(`comm100:quota:${d.key}`); // as a restart without persistence does
    expect(await a.reserve(d, 1, 10)).toMatchObject({ ok: true, used: 8 }); // floor 7 + 1
    expect(await b.reserve(d, 1, 10)).toMatchObject({ ok: true, used: 10 }); // floor 8 + 2: exact
    expect((await a.reserve(d, 1, 10)).ok).toBe(false);
    await Promise.all([a.close(), b.close()]);
  });

  it("Redis unreachable: a typed error that never shows the password", async () => {
    const store = createRedisQuotaStore({ url: "redis://:s3cret-pass%21@127.0.0.1:9/0", commandTimeoutMs: 500 });
    const err = await store.reserve(day(), 1, 10).catch((e) => e);
    expect(err).toBeInstanceOf(Comm100QuotaStoreError);
    expect(err.message).toMatch(/^Redis quota store failed/);
    const seen = `${err.message} ${err.stack} ${JSON.stringify(err)} ${String(err.cause)}`;
    expect(seen).not.toContain("s3cret");
    await store.close();
  });

  it('fallback "local": counts in memory while Redis is away, then adds those requests to Redis', async () => {
    const down = await startRedis();
    const fallbacks: Comm100QuotaStoreError[] = [];
    const store = createRedisQuotaStore({ url: down.url, fallback: "local", commandTimeoutMs: 500, onFallback: (e) => fallbacks.push(e) });
    const d = day();
    for (let i = 0; i < 3; i++) expect((await store.reserve(d, 1, 5)).ok).toBe(true);
    await down.stop();
    const local = [];
    for (let i = 0; i < 3; i++) local.push(await store.reserve(d, 1, 5));
    expect(local.map((r) => r.ok)).toEqual([true, true, false]); // from the last count seen (3), up to 5
    expect(fallbacks[0]).toBeInstanceOf(Comm100QuotaStoreError);
    await down.restart(0);
    // Redis is back, empty: the floor (3) and the 2 local requests are written with this one
    await expect.poll(async () => (await store.reserve(d, 0, 5)).used, { timeout: 10_000, interval: 200 }).toBe(5);
    const check = new Redis(down.url);
    expect(await check.hmget(`comm100:quota:${d.key}`, "b", "i")).toEqual(["3", "2"]);
    check.disconnect();
    await store.close();
    await down.stop();
  });

  it("needs exactly one of url and redis", () => {
    expect(() => createRedisQuotaStore({} as never)).toThrow(Comm100QuotaStoreError);
    expect(() => createRedisQuotaStore({ url: "not a url" })).toThrow(Comm100QuotaStoreError);
  });
});
