// `pnpm bench`, quota section: what the daily budget costs per request (no limits, the limiter
// alone, the memory meter, the Redis store on loopback), and the throughput of 8 worker processes
// sharing one budget in Redis. Starts its own redis-server (127.0.0.1, free port, no persistence).
// Prints JSON: [[title, markdown], ...].
import { execFile, spawn } from "node:child_process";
import { createServer } from "node:http";
import { createServer as netServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createComm100Client } from "@comm100-sdk/client";
import { createLimits } from "@comm100-sdk/client/quota";
import { createRedisQuotaStore } from "@comm100-sdk/redis";

const WORKER = fileURLToPath(new URL("./quota-worker.mjs", import.meta.url));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const table = (head, rows) => [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");

/** @type {number} */
const port = await new Promise((resolve) => {
  const s = netServer().listen(0, "127.0.0.1", () => {
    const p = /** @type {import("node:net").AddressInfo} */ (s.address()).port;
    s.close(() => resolve(p));
  });
});
const redisProc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((/** @type {(v?: unknown) => void} */ resolve, reject) => {
  let out = "";
  redisProc.stdout.on("data", (b) => {
    out += b;
    if (out.includes("Ready to accept connections")) resolve();
  });
  redisProc.once("exit", (c) => reject(new Error(`redis-server exited ${c}`)));
});
const redisUrl = `redis://127.0.0.1:${port}`;

try {
  // 1. per-request cost in process (a stub fetch: the SDK's and the store's own cost, no HTTP)
  const body = JSON.stringify({ status: "online" });
  const stub = async () => new Response(body, { status: 200, headers: { "content-type": "application/json" } });
  const store = createRedisQuotaStore({ url: redisUrl });
  const client = (limits) =>
    createComm100Client({
      baseUrl: "http://127.0.0.1:9/api/v1",
      email: "agent@example.com",
      apiKey: "bench-key",
      fetch: stub,
      ...(limits && { limits }),
    });
  const set = {
    "no limits": client(),
    "limiter only (maxConcurrency 16, 1e6 requests/s)": client(createLimits({ maxConcurrency: 16, requestsPerSecond: 1e6 })),
    "memory meter (quota, default store)": client(createLimits({ quota: { dailyLimit: 1e9 } })),
    "Redis store (quota, redis-server on loopback)": client(createLimits({ quota: { dailyLimit: 1e9, store } })),
  };
  const rounds = 10;
  const warmup = 2;
  const batch = 300;
  const samples = Object.fromEntries(Object.keys(set).map((n) => [n, /** @type {number[]} */ ([])]));
  const names = Object.keys(set);
  for (let r = 0; r < warmup + rounds; r++)
    for (const n of names.map((_, i) => names[(i + r) % names.length])) {
      const c = set[n];
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) await c.siteStatus.get();
      if (r >= warmup) samples[n].push(Number(process.hrtime.bigint() - t0) / 1e3 / batch);
    }
  await store.close();
  const base = median(samples["no limits"]);
  const costRows = names.map((n) => {
    const m = median(samples[n]);
    return [n, `${m.toFixed(1)} µs`, `+${Math.max(0, m - base).toFixed(1)} µs`];
  });

  // 2. throughput: 8 worker processes x 4 concurrent calls against one loopback HTTP server
  let received = 0;
  const http = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    });
  });
  await new Promise((/** @type {(v?: unknown) => void} */ r) => http.listen(0, "127.0.0.1", () => r()));
  const apiBase = `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (http.address()).port}/api/v1`;
  const runWorkers = async (redis, dailyLimit, maxEach) => {
    received = 0;
    const t0 = performance.now();
    const outs = await Promise.all(
      Array.from(
        { length: 8 },
        () =>
          new Promise((resolve, reject) =>
            execFile(process.execPath, [WORKER, apiBase, redis, String(dailyLimit), String(maxEach)], (e, out) =>
              e ? reject(e) : resolve(JSON.parse(out)),
            ),
          ),
      ),
    );
    const wall = performance.now() - t0;
    const sent = outs.reduce((a, o) => a + o.sent, 0);
    // requests/s over the slowest worker's calling time (process start-up left out)
    const callMs = Math.max(...outs.map((o) => o.ms));
    return { sent, received, wall, perSec: (sent / callMs) * 1000 };
  };
  const free = await runWorkers("none", 0, 500);
  const shared = await runWorkers(`${redisUrl}/1`, 4000, 1e9);
  http.close();
  const tpRows = [
    ["no limits, 500 calls each", free.sent, free.received, `${Math.round(free.perSec)}/s`],
    ["shared Redis budget of 4,000, calling until refused", shared.sent, shared.received, `${Math.round(shared.perSec)}/s`],
  ];
  process.stdout.write(
    JSON.stringify([
      [
        `Quota: per-request cost in process (stub \`fetch\`, resource style \`siteStatus.get()\`; ${rounds} interleaved rounds of ${batch} sequential calls after ${warmup} warm-up rounds; median per call)`,
        table(["client", "median", "over no limits"], costRows) +
          "\n\nThe Redis figure is one round trip to a redis-server on the same machine (one Lua script per attempt); over a network add its latency.",
      ],
      [
        "Quota: 8 worker processes, 4 concurrent calls each, one loopback HTTP server",
        table(["run", "requests sent (all workers)", "received by the server", "throughput"], tpRows) +
          "\n\nThroughput is the requests sent over the slowest worker's calling time (process start-up left out). The shared budget is never exceeded: the server received exactly the budget.",
      ],
    ]),
  );
} finally {
  redisProc.kill("SIGKILL");
}
