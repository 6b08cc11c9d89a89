// src/generated/ must be exactly what src/generated/generate-client-meta.mjs and generate-models.mjs make from the bundled spec.
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const scripts = ["generate-client-meta.mjs", "generate-models.mjs"].map((f) =>
  fileURLToPath(new URL(`../src/generated/${f}`, import.meta.url)),
);

describe("generated client metadata", () => {
  it.each(scripts)("matches a fresh generation from spec/dist/openapi.json: %s", (script) => {
    const r = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    expect(r.stderr, "run `pnpm --filter @comm100-sdk/client generate`").toBe("");
    expect(r.status).toBe(0);
  });

  it("is committed as generated", () => {
    const diff = execFileSync("git", ["status", "--porcelain", "--", "src/generated"], { cwd: pkg, encoding: "utf8" });
    expect(diff, "commit packages/client/src/generated").toBe("");
  });
});
