// Figures of the reliability suite. Each test file writes its own fragment to
// reports/reliability/<name>.json (test files run in separate workers, so there is no shared
// memory); scripts/reliability-report.mjs merges them into reports/reliability.json and the
// figures block of RELIABILITY.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const FRAGMENTS_DIR = fileURLToPath(new URL("../../reports/reliability/", import.meta.url));

export function writeFigures(name: string, data: Record<string, unknown>): void {
  mkdirSync(FRAGMENTS_DIR, { recursive: true });
  writeFileSync(`${FRAGMENTS_DIR}${name}.json`, `${JSON.stringify({ name, writtenAt: new Date().toISOString(), ...data }, null, 2)}\n`);
}
