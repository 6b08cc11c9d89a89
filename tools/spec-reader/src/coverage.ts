// Contract tests call recordCoverage() with the operationIds they exercised; `pnpm test`
// (scripts/run-tests.mjs) prints the figures and fails below 100%.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface CoverageEntry {
  check: string;
  operationIds: string[];
}

/** Adds or replaces the entry for `check` in <packageDir>/reports/contract-coverage.json. */
export function recordCoverage(packageDir: string, check: string, operationIds: string[]): void {
  const dir = join(packageDir, "reports");
  const file = join(dir, "contract-coverage.json");
  mkdirSync(dir, { recursive: true });
  let entries: CoverageEntry[] = [];
  try {
    entries = JSON.parse(readFileSync(file, "utf8")) as CoverageEntry[];
  } catch {
    // no report yet
  }
  entries = entries.filter((e) => e.check !== check);
  entries.push({ check, operationIds: [...new Set(operationIds)].sort() });
  writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`);
}
