#!/usr/bin/env node
// `pnpm bench`: every figure in one run, on one machine, printed as tables and written to
// bench/BENCHMARKS.md. Never part of `pnpm test`. Steps:
//   1. build: cold `turbo run build --force`, then cached runs (median)
//   2. openapi-typescript generation time for the full spec (in process and CLI)
//   3. hey-api client generated into .generated/ from spec/dist/openapi.json, bundled for Node
//   4. browser bundle sizes (esbuild, minified, gzip) of a tiny entry using each client
//   5. per-request cost against one loopback server (and with a stub fetch, no network)
//   6. memory over 10,000 sequential requests
//   7. consumer type-check time: 10 operations through the resource style vs the request style
//   8. quota: per-request cost of the memory meter and the Redis store, 8 workers sharing a budget
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
const entries = [
  [
    "@comm100-sdk/client, request style only",
    `import { createComm100Client } from "@comm100-sdk/client";\nconst c = createComm100Client(${CLIENT_OPTS});\nc.GET("/livechat/operators").then(console.log);`,
  ],
  [
    "@comm100-sdk/client, with resource methods (whole SDK)",
    `import { createComm100Client } from "@comm100-sdk/client";\nconst c = createComm100Client(${CLIENT_OPTS});\nc.agents.list().then(console.log);\nc.GET("/livechat/operators").then(console.log);`,
  ],
  ["@comm100-sdk/client, everything it exports", `import * as sdk from "@comm100-sdk/client";\nconsole.log(sdk);`],
  [
    "openapi-fetch (bare)",
    `import createClient from "openapi-fetch";\nconst c = createClient({ baseUrl: "https://hosted.comm100.com/api/v1", headers: { Authorization: "Basic x" } });\nc.GET("/livechat/operators").then(console.log);`,
  ],
  [
    "hey-api client, one operation",
    `import { createClient, createConfig } from "./hey-api/client";\nimport { listAgents } from "./hey-api/sdk.gen";\nconst client = createClient(createConfig({ baseUrl: "https://hosted.comm100.com/api/v1", auth: "a:b" }));\nlistAgents({ client }).then(console.log);`,
  ],
  ["hey-api client, whole generated SDK", `import * as sdk from "./hey-api/index";\nconsole.log(sdk);`],
];
const sizes = [];
for (const [name, contents] of entries) {
  const r = await esbuild.build({
    stdin: { contents, resolveDir: GEN, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  const code = r.outputFiles[0].contents;
  sizes.push({ name, min: code.length, gzip: gzipSync(code, { level: 9 }).length });
}
const bare = sizes.find((s) => s.name === "openapi-fetch (bare)");
if (!bare) throw new Error("no size for the bare openapi-fetch entry");
const reqOnly = sizes[0];
const whole = sizes[1];
const shakeNote =
  whole.gzip - reqOnly.gzip < 100
    ? "\n\nThe request-style-only entry is within 100 bytes of the whole SDK: the resource methods are built inside `createComm100Client` from the generated operation table, so a bundle that only calls `GET` keeps them."
    : "";
sections.push([
  "Browser bundle size (esbuild 0.27, `--bundle --minify`, ESM, platform browser, dependencies included; gzip level 9)",
  table(
    ["entry", "min", "gzip", "gzip vs bare openapi-fetch"],
    sizes.map((s) => [s.name, kb(s.min), kb(s.gzip), `${(s.gzip / bare.gzip).toFixed(2)}x`]),
  ) +
    `\n\nGoal: whole SDK ≤ 8 kB gzip (enforced in \`pnpm test\` by \`packages/client/.size-limit.json\`): ${sizes.filter((s) => s.name.startsWith("@comm100")).every((s) => s.gzip <= 8000) ? "met" : "missed"}.${shakeNote}`,
]);

// 5 + 6. requests and memory against one loopback server ----------------------------------
const example = spec.components?.examples?.AgentList?.value ?? [{ email: "agent@example.com", display_name: "Agent" }];
const body = JSON.stringify(example);
const server = spawn(process.execPath, [join(BENCH, "src/server.mjs"), body], { stdio: ["ignore", "pipe", "inherit"] });
const port = await new Promise((resolve, reject) => {
  server.stdout.once("data", (b) => resolve(String(b).trim()));
  server.once("exit", (c) => reject(new Error(`server exited ${c}`)));
});
let req;
const mem = {};
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
} finally {
  server.kill("SIGTERM");
}
const reqRows = (set) => {
  const base = set["openapi-fetch (bare)"].medianUs;
  return Object.entries(set).map(([n, v]) => [
    n,
    `${v.medianUs.toFixed(1)} µs`,
    `${v.minUs.toFixed(1)}–${v.maxUs.toFixed(1)} µs`,
    `${(v.medianUs / base).toFixed(3)}x`,
  ]);
};
sections.push([
  `Per-request cost, loopback (node:http on 127.0.0.1, fixed ${body.length}-byte JSON body; GET /livechat/operators with Basic auth, body parsed; ${req.config.rounds} interleaved rounds of ${req.config.loopbackBatch} sequential requests each after ${req.config.warmup} warm-up rounds; median per request)`,
  table(["client", "median", "range over rounds", "vs bare openapi-fetch"], reqRows(req.loopback)) +
    `\n\nGoal: @comm100-sdk/client within 1.05x of bare openapi-fetch: ${["request style", "resource style"]
      .map((k) => {
        const r = req.loopback[`@comm100-sdk/client ${k}`].medianUs / req.loopback["openapi-fetch (bare)"].medianUs;
        return `${k} ${r.toFixed(2)}x ${r <= 1.05 ? "met" : "missed"}`;
      })
      .join(", ")}.`,
]);
sections.push([
  `Per-request cost in process (the same calls with a stub \`fetch\` that returns the body at once: the clients' own overhead, no network; ${req.config.rounds} rounds of ${req.config.stubBatch})`,
  table(["client", "median", "range over rounds", "vs bare openapi-fetch"], reqRows(req.inProcess)),
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

// 7. consumer type-check ------------------------------------------------------------------
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
const cpus = os.cpus();
const machine = [
  `- CPU: ${cpus[0]?.model ?? "unknown"}, ${cpus.length} cores`,
  `- Memory: ${(os.totalmem() / 1073741824).toFixed(1)} GB; ${os.platform()} ${os.release()}`,
  `- Node ${process.version}; date ${new Date().toISOString().slice(0, 10)}`,
  `- hey-api generation (\`@hey-api/openapi-ts\` 0.95, client-fetch, into bench/.generated/): ${fmtMs(heyGenMs)}`,
  `- whole \`pnpm bench\`: ${fmtMs(ms(started))}`,
].join("\n");
// 8. the daily quota: meter and Redis store cost, 8 workers sharing a budget (bench/src/quota.mjs)
step("quota: meter and Redis store cost, 8 workers with a shared budget");
sections.push(...JSON.parse(execFileSync(process.execPath, [join(BENCH, "src/quota.mjs")], { cwd: BENCH, encoding: "utf8" })));

const md = `# Benchmarks

Written by \`pnpm bench\` (bench/src/run.mjs); every figure below comes from one run on one machine.
Re-run it after a change that could matter and commit the new file.

${machine}

${sections.map(([title, body]) => `## ${title}\n\n${body}`).join("\n\n")}
`;
writeFileSync(join(BENCH, "BENCHMARKS.md"), md);
console.log(md);
step("done: bench/BENCHMARKS.md written");
