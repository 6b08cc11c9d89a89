import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { specDir } from "./helpers.js";

const bin = (name: string) => path.join(specDir, "node_modules", ".bin", name);
const out = mkdtempSync(path.join(tmpdir(), "comm100-spec-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("dist is up to date", () => {
  it.each(["json", "yaml"])("a fresh bundle of the sources equals dist/openapi.%s byte for byte", (ext) => {
    const target = path.join(out, `openapi.${ext}`);
    execFileSync(bin("redocly"), ["bundle", "comm100@v1", "--ext", ext, "-o", target], { cwd: specDir, stdio: "pipe" });
    const fresh = readFileSync(target);
    const committed = readFileSync(path.join(specDir, "dist", `openapi.${ext}`));
    expect(fresh.equals(committed), `dist/openapi.${ext} is stale: run \`pnpm --filter @comm100-sdk/openapi run bundle\``).toBe(true);
  });
});
