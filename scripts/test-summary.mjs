#!/usr/bin/env node
// Totals every package's vitest JSON report (reports/vitest.json) into the one line CI reads:
// "N passed, N failed". Exits non-zero when a test failed or a package wrote no report.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const workspaces = ["spec", "bench", ...readdirSync(join(root, "packages")).map((d) => join("packages", d))];

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const ws of workspaces) {
  const pkg = join(root, ws, "package.json");
  if (!existsSync(pkg) || !JSON.parse(readFileSync(pkg, "utf8")).scripts?.test) continue;
  const report = join(root, ws, "reports", "vitest.json");
  if (!existsSync(report)) {
    missing.push(ws);
    continue;
  }
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  // A suite that failed to load (syntax error, missing import) has no tests but must count.
  failed += r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
}
if (missing.length) console.log(`no test report from: ${missing.join(", ")}`);
console.log(`${passed} passed, ${failed + missing.length} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed + missing.length > 0 ? 1 : 0);
