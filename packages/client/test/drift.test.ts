// src/generated/ must be exactly what scripts/generate-client-meta.mjs makes from the bundled spec.
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const script = fileURLToPath(new URL("../scripts/generate-client-meta.mjs", import.meta.url));

describe("generated client metadata", () => {
  it("matches a fresh generation from spec/dist/openapi.json", () => {
    const r = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    expect(r.stderr, "run `pnpm --filter @comm100-sdk/client generate`").toBe("");
    expect(r.status).toBe(0);
  });

  it("is committed as generated", () => {
    const diff = execFileSync("git", ["status", "--porcelain", "--", "src/generated"], { cwd: pkg, encoding: "utf8" });
    expect(diff, "commit packages/client/src/generated").toBe("");
  });
});
