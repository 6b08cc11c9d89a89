#!/usr/bin/env node
// `pnpm bench`: every figure in one run, on one machine, printed as tables and written to
// bench/BENCHMARKS.md. Never part of `pnpm test`. Steps:
//   1. build: cold `turbo run build --force`, then cached runs (median)
//   2. openapi-typescript generation time for the full spec (in process and CLI)
//   3. hey-api client generated into .generated/ from spec/dist/openapi.json, bundled for Node
//   4. browser bundle sizes (esbuild, minified, gzip) of a tiny entry using each client, and what
//      the bytes are (openapi-fetch left out; esbuild's metafile, module by module)
//   5. whole-process import time of each package (a Node process per import)
//   6. per-request cost against one loopback server (and with a stub fetch, no network)
//   7. memory over 10,000 sequential requests, and peak RSS of 1000 concurrent requests
//   8. consumer type-check time: 10 operations through the resource style vs the request style
//   9. quota: per-request cost of the memory meter and the Redis store, 8 workers sharing a budget
//  10. the reference page in Chromium: its weight and the time until search is ready
// The goals of issue 13 are computed from the run and listed at the top of the report.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { listOperations, resolveRef } from "@comm100-sdk/spec-reader";

const BENCH = fileURLToPath(new URL("..", import.meta.url));
const ROOT = join(BENCH, "..");
const GEN = join(BENCH, ".generated");
const SPEC = join(ROOT, "spec/dist/openapi.json");
const require = createRequire(import.meta.url);
const started = performance.now();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** The median over rounds of each round's ratio `xs[k] / base[k]` (rounds run every contender under the same load). */
const medianOfRatios = (xs, base) => median(xs.map((x, k) => x / base[k]));
const ms = (t0) => performance.now() - t0;
const fmtMs = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const kb = (b) => `${(b / 1000).toFixed(2)} kB`;
const step = (s) => console.error(`[bench ${fmtMs(ms(started))}] ${s}`);
function table(head, rows) {
  const all = [head, ...rows].map((r) => r.map(String));
  const w = head.map((_, i) => Math.max(3, ...all.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(w[i])).join(" | ")} |`;
  return [line(all[0]), `| ${w.map((n) => "-".repeat(n)).join(" | ")} |`, ...all.slice(1).map(line)].join("\n");
}
function timed(cmd, args, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
    encoding: "utf8",
    maxBuffer: 64 << 20,
    ...opts,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", ...opts.env },
  });
  return { ms: ms(t0), ok: r.status === 0, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

rmSync(GEN, { recursive: true, force: true });
mkdirSync(GEN, { recursive: true });
const sections = [];

// 1. build ---------------------------------------------------------------------------------
if (process.env.BENCH_SKIP_BUILD) {
  sections.push(["Build", "skipped (BENCH_SKIP_BUILD set)"]);
} else {
  step("cold build: turbo run build --force");
  const turbo = ["exec", "turbo", "run", "build", "--output-logs=errors-only"];
  const cold = timed("pnpm", [...turbo, "--force"], { cwd: ROOT });
  if (!cold.ok) console.error(cold.out.slice(-4000));
  step("cached builds");
  const cachedRuns = [];
  let cachedHits = "";
  for (let i = 0; i < 3; i++) {
    const r = timed("pnpm", turbo, { cwd: ROOT });
    cachedRuns.push(r.ms);
    cachedHits = /Cached:\s+(\d+ cached, \d+ total)/.exec(r.out)?.[1] ?? cachedHits;
  }
  const cachedPnpm = timed("pnpm", ["build"], { cwd: ROOT });
  const buildRows = [
    ["cold: `turbo run build --force` (no cache, every task runs)", cold.ok ? fmtMs(cold.ms) : `FAILED after ${fmtMs(cold.ms)}`, ""],
    [
      "cached: `turbo run build` (median of 3)",
      fmtMs(median(cachedRuns)),
      `${cachedHits}; goal < 1 s: ${median(cachedRuns) < 1000 ? "met" : "missed"}`,
    ],
    ["cached: `pnpm build` (one run, with pnpm's start-up)", fmtMs(cachedPnpm.ms), ""],
  ];
  sections.push([
    "Build (whole pipeline: spec lint + bundle, generate, build every package, docs)",
    table(["run", "time", "note"], buildRows),
  ]);
}

// 2. openapi-typescript -------------------------------------------------------------------
step("openapi-typescript generation");
const { default: openapiTS, astToString } = await import("openapi-typescript");
const specText = readFileSync(SPEC, "utf8");
const genTimes = [];
let schemaLines = 0;
for (let i = 0; i < 6; i++) {
  const t0 = performance.now();
  const out = astToString(await openapiTS(JSON.parse(specText)));
  genTimes.push(ms(t0));
  schemaLines = out.split("\n").length;
}
const otsCli = join(dirname(require.resolve("openapi-typescript/package.json")), "bin/cli.js");
const cliTimes = [];
for (let i = 0; i < 3; i++) cliTimes.push(timed(process.execPath, [otsCli, SPEC, "-o", join(GEN, "schema.d.ts")], { cwd: BENCH }).ms);
const spec = JSON.parse(specText);
const opCount = Object.values(spec.paths).reduce(
  (n, item) => n + ["get", "put", "post", "delete", "patch"].filter((m) => item[m]).length,
  0,
);
sections.push([
  `openapi-typescript 7 generation (full spec: ${opCount} operations, ${Object.keys(spec.components?.schemas ?? {}).length} schemas -> ${schemaLines} lines)`,
  table(
    ["measure", "time", "note"],
    [
      ["in process, first call (cold JIT)", fmtMs(genTimes[0]), ""],
      [
        "in process, median of the next 5",
        fmtMs(median(genTimes.slice(1))),
        `goal < 300 ms: ${median(genTimes.slice(1)) < 300 ? "met" : "missed"}`,
      ],
      ["CLI `openapi-typescript spec -o file` (median of 3, with Node start-up)", fmtMs(median(cliTimes)), ""],
    ],
  ),
]);

// 3. hey-api ------------------------------------------------------------------------------
step("hey-api generation");
const heyDir = join(GEN, "hey-api");
const { createClient: heyGenerate } = await import("@hey-api/openapi-ts");
const t0 = performance.now();
await heyGenerate({ input: SPEC, output: { path: heyDir }, plugins: ["@hey-api/client-fetch"], logs: { level: "silent" } });
const heyGenMs = ms(t0);
const esbuild = await import("esbuild");
const heyBench = join(GEN, "hey-api-bench.mjs");
await esbuild.build({
  stdin: {
    contents: `export { createClient, createConfig } from "./hey-api/client";\nexport { listAgents } from "./hey-api/sdk.gen";\n`,
    resolveDir: GEN,
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outfile: heyBench,
  logLevel: "error",
});

// 4. bundle sizes -------------------------------------------------------------------------
step("bundle sizes");
const CLIENT_OPTS = `{ domain: "hosted.comm100.com", email: "agent@example.com", apiKey: "key" }`;
const requestEntry = (from) =>
  `import { createComm100RequestClient } from "${from}";\nconst c = createComm100RequestClient(${CLIENT_OPTS});\nc.GET("/livechat/operators").then(console.log);`;
const wholeEntry = (from) =>
  `import { createComm100Client } from "${from}";\nconst c = createComm100Client(${CLIENT_OPTS});\nc.agents.list().then(console.log);\nc.GET("/livechat/operators").then(console.log);`;
const entries = [
  [
    "req",
    '@comm100-sdk/client, request style alone: `createComm100RequestClient` from "@comm100-sdk/client"',
    requestEntry("@comm100-sdk/client"),
  ],
  [
    "reqSub",
    '@comm100-sdk/client, request style alone: `createComm100RequestClient` from "@comm100-sdk/client/request"',
    requestEntry("@comm100-sdk/client/request"),
  ],
  [
    "whole",
    "@comm100-sdk/client, whole SDK: `createComm100Client`, a resource call and a request-style call",
    wholeEntry("@comm100-sdk/client"),
  ],
  ["all", "@comm100-sdk/client, everything it exports", `import * as sdk from "@comm100-sdk/client";\nconsole.log(sdk);`],
  [
    "bare",
    "openapi-fetch (bare)",
    `import createClient from "openapi-fetch";\nconst c = createClient({ baseUrl: "https://hosted.comm100.com/api/v1", headers: { Authorization: "Basic x" } });\nc.GET("/livechat/operators").then(console.log);`,
  ],
  [
    "hey1",
    "hey-api client, one operation",
    `import { createClient, createConfig } from "./hey-api/client";\nimport { listAgents } from "./hey-api/sdk.gen";\nconst client = createClient(createConfig({ baseUrl: "https://hosted.comm100.com/api/v1", auth: "a:b" }));\nlistAgents({ client }).then(console.log);`,
  ],
  ["heyAll", "hey-api client, whole generated SDK", `import * as sdk from "./hey-api/index";\nconsole.log(sdk);`],
];
/** Bundles one entry for the browser; `external` leaves those packages out; returns sizes and the metafile. */
async function browserBundle(contents, { external = /** @type {string[]} */ ([]), resolveDir = GEN } = {}) {
  const r = await esbuild.build({
    stdin: { contents, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    external,
    absWorkingDir: ROOT,
    logLevel: "error",
  });
  const code = r.outputFiles[0].contents;
  const inputs = Object.values(r.metafile.outputs)[0]?.inputs ?? {};
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs };
}
/** Which package a bundled input belongs to (metafile paths are relative to the repository root). */
const packageOf = (path) =>
  /(^|\/)openapi-fetch[@/]/.test(path)
    ? "openapi-fetch"
    : path.startsWith("packages/client/")
      ? "@comm100-sdk/client"
      : path === "<stdin>"
        ? "entry"
        : path;
const bytesBy = (inputs, key) => {
  /** @type {Record<string, number>} */
  const out = {};
  for (const [path, v] of Object.entries(inputs)) out[key(path)] = (out[key(path)] ?? 0) + v.bytesInOutput;
  return out;
};
/** @type {Record<string, {name: string, min: number, gzip: number, inputs: Record<string, {bytesInOutput: number}>}>} */
const sizes = {};
for (const [key, name, contents] of entries) sizes[key] = { name, ...(await browserBundle(contents)) };
const bare = sizes.bare;
// the SDK's own code: the same entries with openapi-fetch left out of the bundle
const own = {};
for (const key of ["req", "reqSub", "whole"]) {
  const contents = entries.find((e) => e[0] === key)?.[2] ?? "";
  own[key] = await browserBundle(contents, { external: ["openapi-fetch"] });
}
// where the bytes come from, module by module: the same two entries bundled from the client's TypeScript sources
const clientSrc = join(ROOT, "packages/client/src");
const bySource = {
  req: await browserBundle(requestEntry("./request-entry.ts"), { resolveDir: clientSrc }),
  whole: await browserBundle(wholeEntry("./index.ts"), { resolveDir: clientSrc }),
};
const moduleName = (path) =>
  packageOf(path) === "openapi-fetch" ? "openapi-fetch (its dist/index.js)" : path.replace("packages/client/src/", "client src/");
const reqBytes = bytesBy(bySource.req.inputs, moduleName);
const wholeBytes = bytesBy(bySource.whole.inputs, moduleName);
const moduleRows = Object.keys({ ...wholeBytes, ...reqBytes })
  .filter((m) => m !== "<stdin>" && ((reqBytes[m] ?? 0) > 0 || (wholeBytes[m] ?? 0) > 0))
  .sort((x, y) => (wholeBytes[y] ?? 0) - (wholeBytes[x] ?? 0))
  .map((m) => [m, reqBytes[m] ? `${reqBytes[m]} B` : "-", wholeBytes[m] ? `${wholeBytes[m]} B` : "-"]);
const over = (gzip, limit) => (gzip <= limit ? "met" : `missed by ${kb(gzip - limit)}`);
const ofetchGzip = (key) => kb(sizes[key].gzip - own[key].gzip);
const sizeLimits = JSON.parse(readFileSync(join(ROOT, "packages/client/.size-limit.json"), "utf8"));
const goalReq = `Goal: request style alone ≤ 5 kB gzip: from "@comm100-sdk/client" ${kb(sizes.req.gzip)} ${over(sizes.req.gzip, 5000)}, from "@comm100-sdk/client/request" ${kb(sizes.reqSub.gzip)} ${over(sizes.reqSub.gzip, 5000)}.`;
const goalWhole = `Goal: whole SDK ≤ 7 kB gzip: ${kb(sizes.whole.gzip)} ${over(sizes.whole.gzip, 7000)}.`;
sections.push([
  "Browser bundle size (esbuild 0.27, `--bundle --minify`, ESM, platform browser, dependencies included; gzip level 9; 1 kB = 1000 bytes)",
  `${table(
    ["entry", "min", "gzip", "gzip vs bare openapi-fetch"],
    Object.values(sizes).map((s) => [s.name, kb(s.min), kb(s.gzip), `${(s.gzip / bare.gzip).toFixed(2)}x`]),
  )}

${goalReq}

${goalWhole}

What the bytes are: the same entries with openapi-fetch left out (\`external\`), gzipped on their own, and the minified bytes esbuild's metafile puts on each package:

${table(
  [
    "entry",
    "gzip, whole bundle",
    "gzip, openapi-fetch external (the SDK's own code)",
    "difference",
    "min bytes: openapi-fetch",
    "min bytes: @comm100-sdk/client",
  ],
  [
    ["request style alone, from the root", "req"],
    ["request style alone, from ./request", "reqSub"],
    ["whole SDK", "whole"],
  ].map(([label, key]) => {
    const by = bytesBy(sizes[key].inputs, packageOf);
    return [
      label,
      kb(sizes[key].gzip),
      kb(own[key].gzip),
      ofetchGzip(key),
      `${by["openapi-fetch"] ?? 0} B`,
      `${by["@comm100-sdk/client"] ?? 0} B`,
    ];
  }),
)}

Bare openapi-fetch alone is ${kb(bare.gzip)} gzip; gzip is not additive, so the difference column (the whole bundle minus the SDK's own code) is what openapi-fetch adds on top of the SDK, not its size alone.

Module by module (minified bytes in the bundle from esbuild's metafile; the same two entries bundled from the client's TypeScript sources, packages/client/src, rather than its built dist; gzip of these bundles: request style ${kb(bySource.req.gzip)}, whole SDK ${kb(bySource.whole.gzip)}):

${table(["module", "request style alone", "whole SDK"], moduleRows)}

The size budget test in \`pnpm test\` (packages/client/.size-limit.json) holds the sizes reached, not the goals: ${sizeLimits.map((l) => `${l.name}: ${l.limit}`).join("; ")}.`,
]);

// 5. whole-process import time -------------------------------------------------------------
step("import time");
const IMPORT_ROUNDS = 21;
const importTargets = [
  ["Node alone (no import)", ""],
  ["openapi-fetch", "openapi-fetch"],
  ["@comm100-sdk/client", "@comm100-sdk/client"],
  ["@comm100-sdk/client/request", "@comm100-sdk/client/request"],
  ["@octokit/core", "@octokit/core"],
];
const importScript = join(BENCH, "src/import-time.mjs");
const importOnce = (specifier) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, specifier ? [importScript, specifier] : [importScript], { cwd: BENCH, encoding: "utf8" });
  const wallMs = ms(t0);
  return r.status === 0 ? { ok: true, wallMs, ...JSON.parse(r.stdout) } : { ok: false, wallMs, importMs: NaN, cpuMs: NaN };
};
// a target that cannot be imported from bench/ (not installed in the workspace) is reported, not measured
const importMissing = importTargets.filter(([, sp]) => sp && !importOnce(sp).ok).map(([n]) => n);
const importSet = importTargets.filter(([n]) => !importMissing.includes(n));
/** @type {Record<string, {wall: number[], cpu: number[], inner: number[]}>} */
const importSamples = Object.fromEntries(importSet.map(([n]) => [n, { wall: [], cpu: [], inner: [] }]));
for (let r = -1; r < IMPORT_ROUNDS; r++) {
  for (let k = 0; k < importSet.length; k++) {
    const [n, sp] = importSet[(k + Math.max(r, 0)) % importSet.length];
    const one = importOnce(sp);
    if (!one.ok) throw new Error(`import of ${n} failed`);
    if (r >= 0) {
      importSamples[n].wall.push(one.wallMs);
      importSamples[n].cpu.push(one.cpuMs);
      importSamples[n].inner.push(one.importMs);
    }
  }
}
const quartiles = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return [s[Math.floor((s.length - 1) / 4)], s[Math.ceil(((s.length - 1) * 3) / 4)]];
};
const ms1 = (x) => `${x.toFixed(1)} ms`;
const importRatio = (n, key) => medianOfRatios(importSamples[n][key], importSamples["openapi-fetch"][key]);
const importMed = Object.fromEntries(
  Object.entries(importSamples).map(([n, v]) => [
    n,
    {
      wall: median(v.wall),
      q: quartiles(v.wall),
      cpu: median(v.cpu),
      inner: median(v.inner),
      wallX: importRatio(n, "wall"),
      cpuX: importRatio(n, "cpu"),
    },
  ]),
);
const nodeWall = importMed["Node alone (no import)"].wall;
const goalImport = `Goal: whole-process import ≤ 1.10x openapi-fetch (wall time, median of per-round ratios): ${[
  "@comm100-sdk/client",
  "@comm100-sdk/client/request",
]
  .map(
    (n) =>
      `${n} ${importMed[n].wallX.toFixed(2)}x ${importMed[n].wallX <= 1.1 ? "met" : "missed"} (CPU time ${importMed[n].cpuX.toFixed(2)}x)`,
  )
  .join(", ")}.`;
sections.push([
  `Import time, whole process (\`node import-time.mjs <package>\`: Node starts, \`await import()\`s the package as resolved from bench/, exits; ${IMPORT_ROUNDS} interleaved rounds after one warm-up round, order rotated; median)`,
  `${table(
    [
      "package",
      "whole process, wall",
      "interquartile range",
      "vs openapi-fetch (median of per-round ratios)",
      "over Node alone",
      "CPU time, whole process",
      "CPU vs openapi-fetch",
      "the import() itself (in process)",
    ],
    Object.entries(importMed).map(([n, v]) => [
      n,
      ms1(v.wall),
      `${ms1(v.q[0])}–${ms1(v.q[1])}`,
      `${v.wallX.toFixed(2)}x`,
      n.startsWith("Node") ? "-" : ms1(v.wall - nodeWall),
      ms1(v.cpu),
      `${v.cpuX.toFixed(2)}x`,
      n.startsWith("Node") ? "-" : ms1(v.inner),
    ]),
  )}

${goalImport}

CPU time is user + system of the child process (all its threads, \`process.cpuUsage()\` at exit): on a loaded machine the wall time also holds the time spent waiting for a core, the CPU time does not.${importMissing.length ? `\n\nNot measured (not installed in the workspace, so not importable from bench/): ${importMissing.join(", ")}.` : ""}`,
]);

// 6 + 7. requests and memory against one loopback server ----------------------------------
const example = spec.components?.examples?.AgentList?.value ?? [{ email: "agent@example.com", display_name: "Agent" }];
const body = JSON.stringify(example);
const server = spawn(process.execPath, [join(BENCH, "src/server.mjs"), body], { stdio: ["ignore", "pipe", "inherit"] });
const port = await new Promise((resolve, reject) => {
  server.stdout.once("data", (b) => resolve(String(b).trim()));
  server.once("exit", (c) => reject(new Error(`server exited ${c}`)));
});
let req;
const mem = {};
const RSS_RUNS = 3;
const rssNames = ["raw fetch", "openapi-fetch (bare)", "@comm100-sdk/client request style", "@comm100-sdk/client resource style"];
const rssRuns = Object.fromEntries(rssNames.map((n) => [n, /** @type {{maxRssKb: number, rssBefore: number, burstMs: number}[]} */ ([])]));
try {
  step("per-request cost");
  req = JSON.parse(
    execFileSync(process.execPath, [join(BENCH, "src/requests.mjs"), port, body, heyBench], { cwd: BENCH, encoding: "utf8" }),
  );
  step("memory");
  for (const which of ["sdk", "openapi-fetch"]) {
    mem[which] = JSON.parse(
      execFileSync(process.execPath, ["--expose-gc", join(BENCH, "src/memory.mjs"), port, which], { cwd: BENCH, encoding: "utf8" }),
    );
  }
  step("1000 concurrent requests, peak RSS");
  for (let r = 0; r < RSS_RUNS; r++) {
    for (let k = 0; k < rssNames.length; k++) {
      const n = rssNames[(k + r) % rssNames.length];
      rssRuns[n].push(
        JSON.parse(execFileSync(process.execPath, [join(BENCH, "src/rss.mjs"), port, n, body], { cwd: BENCH, encoding: "utf8" })),
      );
    }
  }
} finally {
  server.kill("SIGTERM");
}
const pairedRatio = (set, n) => medianOfRatios(set[n].roundsUs, set["openapi-fetch (bare)"].roundsUs);
const reqRows = (set) => {
  const base = set["openapi-fetch (bare)"].medianUs;
  return Object.entries(set).map(([n, v]) => [
    n,
    `${v.medianUs.toFixed(1)} µs`,
    `${v.minUs.toFixed(1)}–${v.maxUs.toFixed(1)} µs`,
    `${(v.medianUs / base).toFixed(3)}x`,
    `${pairedRatio(set, n).toFixed(3)}x`,
  ]);
};
const REQ_HEAD = ["client", "median", "range over rounds", "vs bare openapi-fetch (ratio of medians)", "median of per-round ratios"];
const styleGoal = (set, limit) =>
  ["request style", "resource style"]
    .map((k) => {
      const x = pairedRatio(set, `@comm100-sdk/client ${k}`);
      return `${k} ${x.toFixed(3)}x ${x <= limit ? "met" : "missed"}`;
    })
    .join(", ");
const goalLoopback = `Goal: per request over a loopback server ≤ 1.00x bare openapi-fetch (median of per-round ratios): ${styleGoal(req.loopback, 1)}.`;
const goalInProcess = `Goal: per request in process ≤ 1.30x bare openapi-fetch, ahead of hey-api (median of per-round ratios): ${styleGoal(req.inProcess, 1.3)}; hey-api ${pairedRatio(req.inProcess, "hey-api client").toFixed(3)}x.`;
sections.push([
  `Per-request cost, loopback (node:http on 127.0.0.1, fixed ${body.length}-byte JSON body; GET /livechat/operators with Basic auth, body parsed; ${req.config.rounds} interleaved rounds of ${req.config.loopbackBatch} sequential requests each after ${req.config.warmup} warm-up rounds; median per request)`,
  `${table(REQ_HEAD, reqRows(req.loopback))}\n\n${goalLoopback}\n\nEvery round runs all clients one after the other (order rotated), so a round's ratio compares them under the same load; the median of those ratios is steadier on a shared machine than the ratio of the medians.`,
]);
sections.push([
  `Per-request cost in process (the same calls with a stub \`fetch\` that returns the body at once: the clients' own overhead, no network; ${req.config.rounds} rounds of ${req.config.stubBatch})`,
  `${table(REQ_HEAD, reqRows(req.inProcess))}\n\n${goalInProcess}`,
]);
const mb = (b) => `${(b / 1048576).toFixed(2)} MB`;
const delta = (a, b) => `${b - a >= 0 ? "+" : ""}${((b - a) / 1024).toFixed(0)} kB`;
sections.push([
  "Memory: 10,000 sequential requests through one client (loopback server; `--expose-gc`, heapUsed after a full GC)",
  table(
    ["client", "heap after 1st thousand", "after 2nd", "after 10th", "change 1st -> 10th", "change 2nd -> 10th", "peak RSS"],
    Object.entries(mem).map(([k, m]) => {
      const h = m.heapAfterThousands;
      return [
        k === "sdk" ? "@comm100-sdk/client (agents.list())" : "openapi-fetch (bare)",
        mb(h[0]),
        mb(h[1]),
        mb(h.at(-1)),
        delta(h[0], h.at(-1)),
        delta(h[1], h.at(-1)),
        mb(m.maxRssKb * 1024),
      ];
    }),
  ) +
    `\n\nheapUsed after each thousand (MB): ${Object.entries(mem)
      .map(
        ([k, m]) =>
          `${k === "sdk" ? "@comm100-sdk/client" : "openapi-fetch"} ${m.heapAfterThousands.map((h) => (h / 1048576).toFixed(1)).join(", ")}`,
      )
      .join("; ")}.` +
    "\n\nThe first thousand includes warm-up (JIT, connection pool, lazily built tables); flat means the 2nd -> 10th change stays within noise (a leak grows with every thousand).",
]);
const rssMed = Object.fromEntries(
  Object.entries(rssRuns).map(([n, runs]) => [
    n,
    {
      peak: median(runs.map((x) => x.maxRssKb * 1024)),
      lo: Math.min(...runs.map((x) => x.maxRssKb * 1024)),
      hi: Math.max(...runs.map((x) => x.maxRssKb * 1024)),
      before: median(runs.map((x) => x.rssBefore)),
      burst: median(runs.map((x) => x.burstMs)),
    },
  ]),
);
const barePeak = rssMed["openapi-fetch (bare)"].peak;
const sign = (b) => `${b >= 0 ? "+" : "−"}${mb(Math.abs(b))}`;
const goalRss = `Goal: 1000 concurrent requests within 10 MB of bare openapi-fetch's peak RSS: ${["request style", "resource style"]
  .map((k) => {
    const d = rssMed[`@comm100-sdk/client ${k}`].peak - barePeak;
    return `${k} ${sign(d)} ${d <= 10 * 1048576 ? "met" : "missed"}`;
  })
  .join(", ")}.`;
sections.push([
  `Memory: 1000 concurrent requests (one process per contender: set up, one warm-up call, then 1000 calls at once at the loopback server, all awaited and checked; peak RSS is \`process.resourceUsage().maxRSS\`; ${RSS_RUNS} processes per contender, interleaved; median; 1 MB = 2^20 bytes)`,
  `${table(
    ["client", "peak RSS", "range", "vs bare openapi-fetch", "RSS before the burst", "burst wall time"],
    Object.entries(rssMed).map(([n, v]) => [
      n,
      mb(v.peak),
      `${mb(v.lo)}–${mb(v.hi)}`,
      sign(v.peak - barePeak),
      mb(v.before),
      fmtMs(v.burst),
    ]),
  )}\n\n${goalRss}`,
]);

// 8. consumer type-check ------------------------------------------------------------------
step("consumer type-check");
const deref = (node) => resolveRef(spec, node) ?? {};
const sample = (schema) => {
  const s = deref(schema);
  if (Array.isArray(s.enum)) return JSON.stringify(s.enum[0]);
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  if (t === "integer" || t === "number") return "1";
  if (t === "boolean") return "true";
  if (t === "array") return `[${sample(s.items ?? {})}]`;
  if (t === "object") return "{}";
  return JSON.stringify("x");
};
const ops = listOperations(spec).filter((o) => o.method === "GET");
// ten GET operations spread evenly over the spec: lists, gets with path parameters, reports with required queries
const picked = Array.from({ length: Math.min(10, ops.length) }, (_, k) => ops[Math.floor((k * ops.length) / Math.min(10, ops.length))]);
const pathParamSchema = (o, name) => {
  const item = spec.paths[o.path];
  const all = [...(item.parameters ?? []), ...(item[o.method.toLowerCase()].parameters ?? [])].map(deref);
  return all.find((p) => p.in === "path" && p.name === name)?.schema ?? {};
};
const resourceCalls = [];
const requestCalls = [];
for (const o of picked) {
  const pathVals = o.pathParams.map((n) => [n, sample(pathParamSchema(o, n))]);
  const query = o.queryParams.filter((q) => q.required).map((q) => `${JSON.stringify(q.name)}: ${sample(q.schema)}`);
  const q = query.length ? `{ ${query.join(", ")} }` : "";
  resourceCalls.push(
    `  const r${resourceCalls.length} = await comm100.${o.namespace}.${o.methodName}(${[...pathVals.map(([, v]) => v), q].filter(Boolean).join(", ")});`,
  );
  const params = [];
  if (pathVals.length) params.push(`path: { ${pathVals.map(([n, v]) => `${JSON.stringify(n)}: ${v}`).join(", ")} }`);
  if (query.length) params.push(`query: ${q}`);
  requestCalls.push(
    `  const r${requestCalls.length} = await comm100.GET(${JSON.stringify(o.path)}${params.length ? `, { params: { ${params.join(", ")} } }` : ""});`,
  );
}
const tcDir = join(GEN, "typecheck");
mkdirSync(tcDir, { recursive: true });
const head = `import { createComm100Client } from "@comm100-sdk/client";\n\nconst comm100 = createComm100Client({ domain: "hosted.comm100.com", email: "agent@example.com", apiKey: "key" });\n`;
const files = {
  "import only (baseline)": `${head}export { comm100 };\n`,
  "resource style, 10 operations": `${head}export async function main() {\n${resourceCalls.join("\n")}\n  return [${resourceCalls.map((_, i) => `r${i}`).join(", ")}];\n}\n`,
  "request style, 10 operations": `${head}export async function main() {\n${requestCalls.join("\n")}\n  return [${requestCalls.map((_, i) => `r${i}`).join(", ")}];\n}\n`,
};
const tsc = require.resolve("typescript/bin/tsc");
const tcRows = [];
let i = 0;
for (const [name, text] of Object.entries(files)) {
  const file = `case${i}.ts`;
  writeFileSync(join(tcDir, file), text);
  const cfg = `tsconfig.${i++}.json`;
  writeFileSync(
    join(tcDir, cfg),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: "es2022",
        module: "esnext",
        moduleResolution: "bundler",
        lib: ["es2022", "dom", "dom.iterable"],
        types: [],
        skipLibCheck: true,
        noEmit: true,
      },
      files: [file],
    }),
  );
  const walls = [];
  const checks = [];
  let errors = "";
  for (let k = 0; k < 3; k++) {
    const r = timed(process.execPath, [tsc, "-p", cfg, "--extendedDiagnostics"], { cwd: tcDir });
    walls.push(r.ms);
    checks.push(Number(/Check time:\s+([\d.]+)s/.exec(r.out)?.[1] ?? NaN) * 1000);
    if (!r.ok)
      errors = r.out
        .split("\n")
        .filter((l) => l.includes("error TS"))
        .slice(0, 5)
        .join("; ");
  }
  tcRows.push([name, fmtMs(median(walls)), fmtMs(median(checks)), errors ? `TYPE ERRORS: ${errors}` : "0 errors"]);
}
sections.push([
  `Consumer type-check: \`tsc --noEmit\` (TypeScript 5.9, strict, bundler resolution, skipLibCheck) on one small file; median of 3 runs. Operations: ${picked.map((o) => o.operationId).join(", ")}`,
  table(["file", "wall time (with tsc start-up)", "check time", "result"], tcRows),
]);

// report ----------------------------------------------------------------------------------
// 9. the daily quota: meter and Redis store cost, 8 workers sharing a budget (bench/src/quota.mjs)
step("quota: meter and Redis store cost, 8 workers with a shared budget");
sections.push(...JSON.parse(execFileSync(process.execPath, [join(BENCH, "src/quota.mjs")], { cwd: BENCH, encoding: "utf8" })));

// 10. the reference page in Chromium (packages/docs/bench/page-performance.mjs, beside the page)
step("docs: page weight and time until search is ready");
const docsDir = join(ROOT, "packages/docs");
sections.push(
  ...JSON.parse(
    execFileSync(process.execPath, [join(docsDir, "bench/page-performance.mjs"), "--sections"], { cwd: docsDir, encoding: "utf8" }),
  ),
);

const cpus = os.cpus();
const machine = [
  `- CPU: ${cpus[0]?.model ?? "unknown"}, ${cpus.length} cores`,
  `- Memory: ${(os.totalmem() / 1073741824).toFixed(1)} GB; ${os.platform()} ${os.release()}`,
  `- Node ${process.version}; date ${new Date().toISOString().slice(0, 10)}`,
  `- hey-api generation (\`@hey-api/openapi-ts\` 0.95, client-fetch, into bench/.generated/): ${fmtMs(heyGenMs)}`,
  `- whole \`pnpm bench\`: ${fmtMs(ms(started))}`,
].join("\n");
const md = `# Benchmarks

Written by \`pnpm bench\` (bench/src/run.mjs); every figure below comes from one run on one machine.
Re-run it after a change that could matter and commit the new file.

${machine}

## Goals (issue 13), from this run

${[goalLoopback, goalInProcess, goalReq, goalWhole, goalImport, goalRss].map((g) => `- ${g.replace(/^Goal: /, "")}`).join("\n")}

${sections.map(([title, body]) => `## ${title}\n\n${body}`).join("\n\n")}
`;
writeFileSync(join(BENCH, "BENCHMARKS.md"), md);
console.log(md);
step("done: bench/BENCHMARKS.md written");
