// The controls: the mock clock, injected faults, reset and snapshot, through the handle and through
// the admin routes outside /api/v1. Prefer keeps working beside them.
import { afterEach, describe, expect, it } from "vitest";
import { createMockServer, type MockServer } from "../src/index.js";
import { call, isErrorBody } from "./helpers.js";

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const origin = (m: MockServer) => new URL(m.url).origin;
const admin = (m: MockServer, path: string, method = "GET", body?: unknown) =>
  call(`${origin(m)}/__admin/${path}`, {
    method,
    auth: false,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}),
  });

describe("clock", () => {
  it("starts at `now`, keeps running, and can be set and advanced", async () => {
    mock = await createMockServer({ now: "2026-06-15T12:00:00Z" });
    const t = mock.clock.now().getTime();
    expect(t).toBeGreaterThanOrEqual(Date.parse("2026-06-15T12:00:00Z"));
    expect(t).toBeLessThan(Date.parse("2026-06-15T12:01:00Z"));
    expect(mock.clock.set("2026-01-01T00:00:00Z").toISOString()).toMatch(/^2026-01-01T00:00:0/);
    expect(mock.clock.advance(86_400_000).toISOString()).toMatch(/^2026-01-02T00:00:0/);
    expect(() => mock!.clock.set("yesterday")).toThrow(/ISO 8601/);
  });

  it("is set and advanced through /__admin/clock", async () => {
    mock = await createMockServer();
    const set = await admin(mock, "clock", "POST", { now: "2030-03-03T03:03:03Z" });
    expect(set.status).toBe(200);
    expect((set.json as { now: string }).now).toMatch(/^2030-03-03T03:03/);
    const adv = await admin(mock, "clock", "POST", { advanceMs: 3_600_000 });
    expect((adv.json as { now: string }).now).toMatch(/^2030-03-03T04:03/);
    expect(((await admin(mock, "clock")).json as { now: string }).now).toMatch(/^2030-03-03T04:03/);
    const bad = await admin(mock, "clock", "POST", { now: "soon" });
    expect(bad.status).toBe(400);
    expect(isErrorBody(bad.json, 400)).toBe(true);
    expect((await admin(mock, "clock", "POST", {})).status).toBe(400);
  });
});

describe("faults", () => {
  it("answers the injected 5xx for the next N requests only", async () => {
    mock = await createMockServer();
    mock.faults.inject({ count: 2, status: 503 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(`${mock.url}/livechat/operators`)).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(mock.faults.state()).toBeUndefined();
  });

  it("adds latency without changing the answer", async () => {
    mock = await createMockServer();
    mock.faults.inject({ count: 1, latencyMs: 200 });
    const t0 = performance.now();
    const res = await call(`${mock.url}/livechat/operators`);
    expect(res.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(190);
  });

  it("an error rate fails about that share of requests, the same way for the same seed", async () => {
    const run = async (seed: number) => {
      const m = await createMockServer({ seed });
      try {
        m.faults.inject({ count: 40, errorRate: 0.5 });
        const out: number[] = [];
        for (let i = 0; i < 40; i++) out.push((await call(`${m.url}/livechat/operators`)).status);
        return out;
      } finally {
        await m.close();
      }
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    const failed = a.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
    expect(a.every((s) => s === 200 || s === 500)).toBe(true);
  });

  it("is injected, read and cleared through /__admin/faults; bad values are a 400", async () => {
    mock = await createMockServer();
    const set = await admin(mock, "faults", "POST", { count: 5, status: 500 });
    expect(set.json).toEqual({ faults: { remaining: 5, latencyMs: 0, errorRate: 1, status: 500 } });
    const failed = await call(`${mock.url}/livechat/operators`);
    expect(failed.status).toBe(500);
    expect(isErrorBody(failed.json, 500)).toBe(true);
    expect((await admin(mock, "faults")).json).toEqual({ faults: { remaining: 4, latencyMs: 0, errorRate: 1, status: 500 } });
    expect((await admin(mock, "faults", "DELETE")).status).toBe(200);
    expect((await call(`${mock.url}/livechat/operators`)).status).toBe(200);
    for (const body of [{ status: 404 }, { count: 0 }, { latencyMs: 1e9 }, { errorRate: 2 }, { count: "3" }]) {
      const res = await admin(mock, "faults", "POST", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(isErrorBody(res.json, 400)).toBe(true);
    }
  });
});

describe("admin surface", () => {
  it("snapshot and reset report and clear the quota counts and faults", async () => {
    mock = await createMockServer({ quota: 10, now: "2026-12-01T08:00:00Z" });
    await call(`${mock.url}/livechat/operators`);
    await call(`${mock.url}/livechat/operators`);
    mock.faults.inject({ count: 3, latencyMs: 1 });
    const snap = (await admin(mock, "snapshot")).json as {
      quota: { used: Record<string, number>; limit: number; resetsAt: string };
      faults: unknown;
    };
    expect(snap.quota).toEqual({ limit: 10, used: { "agent@example.com": 2 }, resetsAt: "2026-12-02T00:00:00.000Z" });
    expect(snap.faults).toEqual({ remaining: 3, latencyMs: 1, errorRate: 0, status: 500 });
    const reset = await admin(mock, "reset", "POST");
    expect(reset.status).toBe(200);
    expect(mock.snapshot().quota.used).toEqual({});
    expect(mock.snapshot().faults).toBeNull();
  });

  it("answers 404 for unknown admin routes, 405 for a wrong method, 400 for a body that is not a JSON object", async () => {
    mock = await createMockServer();
    expect((await admin(mock, "nope")).status).toBe(404);
    const wrong = await admin(mock, "snapshot", "DELETE");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
    const notJson = await call(`${origin(mock)}/__admin/clock`, { method: "POST", auth: false, body: "{" });
    expect(notJson.status).toBe(400);
    expect(isErrorBody(notJson.json, 400)).toBe(true);
    expect((await admin(mock, "clock", "POST", [1])).status).toBe(400);
  });

  it("keeps Prefer working beside the controls", async () => {
    mock = await createMockServer({ quota: 100 });
    const res = await call(`${mock.url}/livechat/operators`, { headers: { prefer: "code=403, example=dailyQuotaExceeded" } });
    expect(res.status).toBe(403);
    expect((res.json as { code: number }).code).toBe(403001);
  });
});
