#!/usr/bin/env node
// `pnpm test`: lint, type checks and every package's tests through turbo, then one closing
// summary. Totals come from each package's vitest JSON report (reports/vitest.json), contract
// coverage from reports/contract-coverage.json. Exits non-zero when anything failed, a package
// wrote no report, or contract coverage is below 100%.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { listOperations } from "@comm100-sdk/spec-reader";

const root = fileURLToPath(new URL("..", import.meta.url));
const turbo = spawnSync("pnpm", ["exec", "turbo", "run", "lint", "typecheck", "test", "--continue", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { TURBO_TELEMETRY_DISABLED: "1", ...process.env },
});

const inFolder = (dir) => readdirSync(join(root, dir)).map((d) => join(dir, d));
const workspaces = ["spec", "bench", "packaging", ...inFolder("packages"), ...inFolder("tools")];
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
const coverage = [];
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
  const r = readJson(report);
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  // A test file that failed to load has no tests, but it is a failure all the same.
  failed += r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
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
    console.log(`  ${pkg} ${check}: ${covered.length}/${total.length}${short ? `  MISSING ${total.filter((id) => !covered.includes(id)).join(", ")}` : ""}`);
  }
}
if (missing.length) console.log(`\nno test report from: ${missing.join(", ")}`);
const bad = failed + missing.length;
console.log(`\n${passed} passed, ${bad} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(turbo.status !== 0 || bad > 0 || coverageShort ? 1 : 0);
