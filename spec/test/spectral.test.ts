import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { specDir } from "./helpers.js";

type SpectralResult = { code: string; message: string; severity: number; path: string[] };
const SEVERITY = ["error", "warn", "info", "hint"];
const out = mkdtempSync(path.join(tmpdir(), "comm100-spectral-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("Spectral (spectral:oas) on the bundled spec", () => {
  it("reports no errors and no warnings", () => {
    const report = path.join(out, "spectral.json");
    const run = spawnSync(
      path.join(specDir, "node_modules", ".bin", "spectral"),
      ["lint", "dist/openapi.json", "--ruleset", ".spectral.yaml", "--format", "json", "--output", report, "--fail-severity", "error"],
      { cwd: specDir, encoding: "utf8" },
    );
    expect(run.error).toBeUndefined();
    const results = JSON.parse(readFileSync(report, "utf8")) as SpectralResult[];
    const lines = results.map((r) => `${SEVERITY[r.severity]} ${r.code} ${r.path.join(".")}: ${r.message}`);
    const errors = results.filter((r) => r.severity === 0);
    console.log(`spectral: ${errors.length} errors, ${results.filter((r) => r.severity === 1).length} warnings`);
    expect(errors.map((r) => `${r.code} ${r.path.join(".")}: ${r.message}`)).toEqual([]);
    expect(run.status, run.stderr).toBe(0);
    expect(lines.filter((l) => l.startsWith("warn"))).toEqual([]);
  }, 300_000); // Spectral takes 15-30 s idle and several times that on a loaded machine
});
