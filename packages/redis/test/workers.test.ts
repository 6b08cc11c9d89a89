// Eight worker processes (the built client and store) share one daily budget through a real Redis.
import { fork, type ChildProcess } from "node:child_process";
import { createMockServer } from "@comm100-sdk/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingServer } from "./counting-server.js";
import { startRedis, type TestRedis } from "./redis-server.js";

const WORKER = new URL("./fixtures/worker.mjs", import.meta.url);
interface Counts {
  sent: number;
  refused: number;
  server403: number;
  storeErrors: number;
}
interface Worker {
  proc: ChildProcess;
  done: Promise<Counts | undefined>;
}

function startWorker(o: Record<string, unknown>, onSent?: () => void): Worker {
  const proc = fork(WORKER, [JSON.stringify(o)], { silent: true });
  let out = "";
  let err = "";
  proc.stdout!.on("data", (b) => (out += b));
  proc.stderr!.on("data", (b) => (err += b));
  proc.on("message", () => onSent?.());
  const done = new Promise<Counts | undefined>((resolve, reject) =>
    proc.once("exit", (code, signal) => {
      if (signal === "SIGKILL") return resolve(undefined);
      if (code !== 0) return reject(new Error(`worker exited ${code}: ${err.slice(-2000)}`));
      resolve(JSON.parse(out));
    }),
  );
  return { proc, done };
}

let redis: TestRedis;
let db = 0;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});
/** A fresh Redis database per test (0..15), so the tests share one server without sharing counts. */
const nextUrl = () => `${redis.url}/${db++}`;

describe("8 worker processes sharing a budget of 1,000 in Redis", () => {
  it("send exactly 1,000 requests in total and never get the quota 403", async () => {
    const server = await startCountingServer(1000);
    const url = nextUrl();
    const workers = Array.from({ length: 8 }, () => startWorker({ base: server.base, redis: url, dailyLimit: 1000, concurrency: 4 }));
    const counts = (await Promise.all(workers.map((w) => w.done))) as Counts[];
    expect(server.total()).toBe(1000);
    expect(server.rejected).toBe(0);
    expect(counts.reduce((a, c) => a + c.sent, 0)).toBe(1000);
    expect(counts.every((c) => c.refused > 0 && c.server403 === 0 && c.storeErrors === 0)).toBe(true);
    await server.close();
  });

  it("against the mock server with --quota 1000: 1,000 requests reach it, none answered with the quota 403", async () => {
    const statuses = new Map<number, number>();
    const mock = await createMockServer({
      quota: 1000,
      accounts: [{ email: "agent@example.com", apiKey: "worker-key-0123456789" }],
      onRequest: ({ status }) => statuses.set(status, (statuses.get(status) ?? 0) + 1),
    });
    try {
      const url = nextUrl();
      const workers = Array.from({ length: 8 }, () => startWorker({ base: mock.url, redis: url, dailyLimit: 1000, concurrency: 4 }));
      const counts = (await Promise.all(workers.map((w) => w.done))) as Counts[];
      expect(Object.fromEntries(statuses)).toEqual({ 200: 1000 });
      expect(mock.quota.used("agent@example.com")).toBe(1000);
      expect(counts.reduce((a, c) => a + c.sent, 0)).toBe(1000);
      expect(counts.every((c) => c.server403 === 0 && c.storeErrors === 0)).toBe(true);
    } finally {
      await mock.close();
    }
  });

  it("a worker killed mid-run: the others still stop at the budget, no quota 403", async () => {
    const server = await startCountingServer(1000);
    const url = nextUrl();
    let killed = false;
    const workers: Worker[] = [];
    for (let i = 0; i < 8; i++)
      workers.push(
        startWorker({ base: server.base, redis: url, dailyLimit: 1000, concurrency: 4 }, () => {
          if (!killed && server.total() >= 300) {
            killed = true;
            workers[0]!.proc.kill("SIGKILL");
          }
        }),
      );
    const counts = await Promise.all(workers.map((w) => w.done));
    expect(killed).toBe(true);
    expect(counts[0]).toBeUndefined(); // killed
    expect(server.rejected).toBe(0);
    // requests the killed worker had counted but not yet sent are lost to the budget, never added to it
    expect(server.total()).toBeLessThanOrEqual(1000);
    expect(server.total()).toBeGreaterThanOrEqual(1000 - 4);
    await server.close();
  });

  it("Redis restarted mid-run (its data lost): the count is rebuilt from what the workers saw, no quota 403", async () => {
    const server = await startCountingServer(1000);
    const url = nextUrl();
    let restarting: Promise<void> | undefined;
    const workers = Array.from({ length: 8 }, () =>
      // a short command timeout, so that calls fail with the store error while Redis is away
      startWorker({ base: server.base, redis: url, dailyLimit: 1000, concurrency: 4, commandTimeoutMs: 1000 }, () => {
        if (!restarting && server.total() >= 400) restarting = redis.restart();
      }),
    );
    const counts = (await Promise.all(workers.map((w) => w.done))) as Counts[];
    await restarting;
    expect(restarting).toBeDefined();
    expect(server.rejected).toBe(0);
    expect(server.total()).toBeLessThanOrEqual(1000);
    expect(server.total()).toBeGreaterThanOrEqual(900);
    // while Redis was away calls failed with the typed store error (and the workers tried again)
    expect(counts.reduce((a, c) => a + c.storeErrors, 0)).toBeGreaterThan(0);
    await server.close();
  });

  it("the clock crossing 00:00 UTC: a new day, a new budget, waiting workers go on", async () => {
    // every process's clock runs 6 s before midnight UTC (room for the workers to start on a busy machine); the server counts by the same clock
    const offsetMs = Math.ceil(Date.now() / 86_400_000) * 86_400_000 - 6000 - Date.now();
    const now = () => Date.now() + offsetMs;
    const server = await startCountingServer(100, now);
    const url = nextUrl();
    const workers = Array.from({ length: 4 }, () =>
      startWorker({ base: server.base, redis: url, dailyLimit: 100, concurrency: 2, offsetMs, onExhausted: "wait", max: 40 }),
    );
    const counts = (await Promise.all(workers.map((w) => w.done))) as Counts[];
    expect(counts.reduce((a, c) => a + c.sent, 0)).toBe(160);
    expect(server.rejected).toBe(0);
    // 160 requests, at most 100 a day: both days were used, neither past its budget (the workers that
    // found the first day used up waited for the reset instead of failing)
    const days = [...server.perDay.entries()].sort();
    expect(days).toHaveLength(2);
    expect(days.every(([, n]) => n <= 100)).toBe(true);
    await server.close();
  });
});
