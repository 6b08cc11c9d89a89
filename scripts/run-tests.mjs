#!/usr/bin/env node
// `pnpm test`: Biome over the whole tree, then lint, type checks and every package's tests through
// turbo, then one closing summary: per package its tests and the wall time of its vitest run, the
// contract coverage, and last the totals line `N passed, N failed`. Totals come from each package's
// vitest JSON report (reports/vitest.json), contract coverage from reports/contract-coverage.json.
// Exits non-zero when Biome or any task failed, a package wrote no report, or contract coverage is
// below 100%.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { listOperations } from "@comm100-sdk/spec-reader";

/**
 * The parts of a vitest JSON report (reporter `json`) that the summary reads.
 * @typedef {{ status: string; startTime: number; endTime: number; assertionResults: unknown[] }} FileResult
 * @typedef {{ startTime: number; numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests?: number; testResults: FileResult[] }} VitestReport
 * @typedef {{ check: string; operationIds: string[] }} CoverageEntry
 */

const root = fileURLToPath(new URL("..", import.meta.url));
const startedAt = Date.now();
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };

/** Runs `pnpm exec <args>` at the root with the output shown; its wall time in seconds and exit status. @param {string[]} args */
function step(args) {
  const t = Date.now();
  const r = spawnSync("pnpm", ["exec", ...args], { cwd: root, stdio: "inherit", env });
  return { ok: r.status === 0, seconds: (Date.now() - t) / 1000 };
}

const biome = step(["biome", "lint", "--error-on-warnings", "."]);
const turbo = step(["turbo", "run", "lint", "typecheck", "test", "--continue", ...process.argv.slice(2)]);

/** @param {string} dir */
const inFolder = (dir) => readdirSync(join(root, dir)).map((d) => join(dir, d));
const workspaces = ["spec", "bench", "packaging", "scripts", ...inFolder("packages"), ...inFolder("tools")];
/** @param {string} file @returns {any} */
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));

let passed = 0;
let failed = 0;
let skipped = 0;
/** @type {string[]} */
const missing = [];
/** @type {(CoverageEntry & { pkg: string })[]} */
const coverage = [];
/** @type {{ pkg: string; tests: number; failed: number; seconds: number; cached: boolean }[]} */
const perPackage = [];
for (const ws of workspaces) {
  const pkgFile = join(root, ws, "package.json");
  if (!existsSync(pkgFile)) continue;
  const pkg = readJson(pkgFile);
  if (!pkg.scripts?.test) continue;
  const report = join(root, ws, "reports", "vitest.json");
  if (!existsSync(report)) {
    missing.push(ws);
    continue;
  }
  /** @type {VitestReport} */
  const r = readJson(report);
  // A test file that failed to load has no tests, but it is a failure all the same.
  const unloaded = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
  passed += r.numPassedTests;
  failed += r.numFailedTests + unloaded;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  const end = Math.max(r.startTime, ...r.testResults.map((f) => f.endTime));
  perPackage.push({
    pkg: pkg.name,
    tests: r.numPassedTests + r.numFailedTests,
    failed: r.numFailedTests + unloaded,
    seconds: (end - r.startTime) / 1000,
    // turbo restored the report from its cache: the tests did not run now
    cached: r.startTime < startedAt,
  });
  const cov = join(root, ws, "reports", "contract-coverage.json");
  if (existsSync(cov)) for (const entry of readJson(cov)) coverage.push({ pkg: pkg.name, ...entry });
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

const width = Math.max(...perPackage.map((p) => p.pkg.length));
console.log("\ntests per package (wall time of its vitest run):");
for (const p of perPackage) {
  const time = `${p.seconds.toFixed(1).padStart(6)} s${p.cached ? " (cached)" : ""}`;
  console.log(`  ${p.pkg.padEnd(width)}  ${String(p.tests).padStart(5)} tests${p.failed ? `, ${p.failed} failed` : ""}  ${time}`);
}
console.log(`  biome lint ${biome.ok ? "passed" : "FAILED"} in ${biome.seconds.toFixed(1)} s; turbo lint, typecheck, test ${turbo.seconds.toFixed(1)} s`);
console.log(`  pnpm test: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

if (missing.length) console.log(`\nno test report from: ${missing.join(", ")}`);
const bad = failed + missing.length;
console.log(`\n${passed} passed, ${bad} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(!turbo.ok || !biome.ok || bad > 0 || coverageShort ? 1 : 0);
