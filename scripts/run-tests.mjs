#!/usr/bin/env node
// `pnpm test`: Biome over the whole tree; turbo's build, spec lint and every workspace's
// `typecheck` (all three cached: `pnpm build` ran them, so after it only what changed since runs);
// then every workspace's tests as projects of one vitest run (vitest.config.ts at the root: one
// pool of workers for the whole suite). The closing summary
// gives per package its tests and the time its files took, the contract coverage, and last the
// totals line `N passed, N failed`. Before the totals, a warning lists the tests that took more
// than a third of their timeout (scripts/timeout-margin-reporter.mjs): they do not fail the run,
// since timing varies with load, but they are the ones that fail on a busy machine.
// Arguments go to vitest (`pnpm test --project @comm100-sdk/client`).
// Exits non-zero when a step failed, a workspace with tests is missing from the report, or
// contract coverage is below 100%.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { listOperations } from "@comm100-sdk/spec-reader";

/**
 * The parts of vitest's JSON report (reporter `json`) that the summary reads.
 * @typedef {{ name: string; status: string; startTime: number; endTime: number; assertionResults: { status: string }[] }} FileResult
 * @typedef {{ startTime: number; success: boolean; numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests?: number; testResults: FileResult[] }} VitestReport
 * @typedef {{ check: string; operationIds: string[] }} CoverageEntry
 */

const root = fileURLToPath(new URL("..", import.meta.url));
const startedAt = Date.now();
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
const report = join(root, "reports", "vitest.json");
const margins = join(root, "reports", "timeout-margins.json");
/** @param {number} ms */
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs `pnpm exec <args>` at the root with its output shown; whether it passed and how long it took. @param {string[]} args */
function step(args) {
  const t = Date.now();
  const r = spawnSync("pnpm", ["exec", ...args], { cwd: root, stdio: "inherit", env });
  return { ok: r.status === 0, ms: Date.now() - t };
}

const biome = step(["biome", "check", "--error-on-warnings", "."]);
const prepare = step(["turbo", "run", "build", "lint", "--output-logs=errors-only"]);
// Before the tests, not beside them: beside them it would need `--only` (so that turbo does not
// restore build outputs the tests are reading), and `--only` hashes the task without its
// dependencies, so it never hit the cache `pnpm build` filled. A type error fails the run; the
// tests still run.
const types = step(["turbo", "run", "typecheck", "--output-logs=errors-only"]);
rmSync(report, { force: true });
rmSync(margins, { force: true });
const tests = prepare.ok ? step(["vitest", "run", ...process.argv.slice(2)]) : { ok: false, ms: 0 };

/** @param {string} dir */
const inFolder = (dir) => readdirSync(join(root, dir)).map((d) => join(dir, d));
/** @param {string} file @returns {any} */
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
/** Workspaces with tests, longest folder first (so a file belongs to the deepest one). */
const workspaces = ["spec", "bench", "packaging", "scripts", ...inFolder("packages"), ...inFolder("tools")]
  .filter((ws) => existsSync(join(root, ws, "package.json")))
  .map((ws) => ({ dir: ws, pkg: readJson(join(root, ws, "package.json")) }))
  .filter((w) => w.pkg.scripts?.test)
  .sort((a, b) => b.dir.length - a.dir.length);

/** @type {VitestReport | null} */
const r = existsSync(report) ? readJson(report) : null;
/** @type {Map<string, { tests: number; failed: number; ms: number }>} */
const perPackage = new Map(workspaces.map((w) => [w.pkg.name, { tests: 0, failed: 0, ms: 0 }]));
let unplaced = 0;
for (const f of r?.testResults ?? []) {
  const rel = relative(root, f.name);
  const ws = workspaces.find((w) => rel.startsWith(w.dir + sep));
  const row = ws && perPackage.get(ws.pkg.name);
  // A test file that failed to load has no tests, but it is a failure all the same.
  const failed = f.assertionResults.filter((a) => a.status === "failed").length || (f.status === "failed" ? 1 : 0);
  if (!row) {
    unplaced += failed;
    continue;
  }
  row.tests += f.assertionResults.filter((a) => a.status === "passed" || a.status === "failed").length;
  row.failed += failed;
  row.ms += Math.max(0, f.endTime - f.startTime);
}

/** @type {(CoverageEntry & { pkg: string })[]} */
const coverage = [];
for (const w of workspaces) {
  const cov = join(root, w.dir, "reports", "contract-coverage.json");
  if (existsSync(cov)) for (const entry of readJson(cov)) coverage.push({ pkg: w.pkg.name, ...entry });
}
const total = listOperations().map((o) => o.operationId);
let coverageShort = false;
if (coverage.length) {
  console.log("\ncontract coverage (operations with a contract test / operations in the spec):");
  for (const { pkg, check, operationIds } of coverage) {
    const covered = total.filter((id) => operationIds.includes(id));
    const short = covered.length < total.length;
    coverageShort ||= short;
    const gaps = short ? `  MISSING ${total.filter((id) => !covered.includes(id)).join(", ")}` : "";
    console.log(`  ${pkg} ${check}: ${covered.length}/${total.length}${gaps}`);
  }
}

// with arguments (a chosen project or file) the other packages are absent on purpose
const filtered = process.argv.length > 2;
const silent = [...perPackage].filter(([, p]) => p.tests === 0 && p.failed === 0).map(([name]) => name);
const missing = filtered ? [] : silent;
for (const name of filtered ? silent : []) perPackage.delete(name);
const width = Math.max(...[...perPackage.keys()].map((n) => n.length));
console.log("\ntests per package (time its files took; they run side by side):");
for (const [name, p] of [...perPackage].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(
    `  ${name.padEnd(width)}  ${String(p.tests).padStart(5)} tests${p.failed ? `, ${p.failed} FAILED` : ""}  ${secs(p.ms).padStart(8)}`,
  );
}
console.log(
  `  biome ${biome.ok ? "ok" : "FAILED"} ${secs(biome.ms)}; build + spec lint ${prepare.ok ? "ok" : "FAILED"} ${secs(prepare.ms)}; ` +
    `typecheck ${types.ok ? "ok" : "FAILED"} ${secs(types.ms)}; tests ${secs(tests.ms)}; pnpm test ${secs(Date.now() - startedAt)}`,
);

/** @type {import("./timeout-margin-reporter.mjs").NearTimeout[]} */
const nearTimeout = existsSync(margins) ? readJson(margins) : [];
if (nearTimeout.length) {
  console.log(`\nWARNING: ${nearTimeout.length} test(s) took more than a third of their timeout (they fail under load):`);
  for (const t of nearTimeout.sort((a, b) => b.duration / b.timeout - a.duration / a.timeout))
    console.log(`  ${secs(t.duration)} of ${secs(t.timeout)}  ${t.file} > ${t.test}`);
}

if (missing.length) console.log(`\nno test results from: ${missing.join(", ")}`);
const passed = r?.numPassedTests ?? 0;
const failed = [...perPackage.values()].reduce((n, p) => n + p.failed, unplaced) + missing.length;
const skipped = r ? r.numPendingTests + (r.numTodoTests ?? 0) : 0;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
const ok = biome.ok && prepare.ok && types.ok && tests.ok && failed === 0 && !coverageShort;
process.exit(ok ? 0 : 1);
