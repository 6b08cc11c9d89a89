// The reference site's CLI samples (as built into dist/openapi.json) work: a spread of them is run
// by the real `comm100` binary against the mock server, and each exits 0 with a JSON answer.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { createMockServer } from "@comm100-sdk/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOperations, loadSpec } from "@comm100-sdk/spec-reader";
import { decoratedPath, pkgDir, specPath } from "./paths.js";

const run = promisify(execFile);
const bin = join(dirname(createRequire(import.meta.url).resolve("@comm100-sdk/cli/package.json")), "dist", "cli.js");
let mock: Awaited<ReturnType<typeof createMockServer>>;
const seen: string[] = [];

beforeAll(async () => {
  mock = await createMockServer({ port: 0, stateless: true, onRequest: ({ operationId }) => seen.push(String(operationId)) });
});
afterAll(async () => {
  await mock.close();
});

describe("CLI samples of the reference", () => {
  it("a spread of them runs against the mock", async () => {
    const decorated = JSON.parse(readFileSync(decoratedPath, "utf8"));
    const ops = listOperations(loadSpec(specPath));
    const picked = ops.filter((_, i) => i % 7 === 0); // 10 of 70, across every group
    expect(picked.length).toBeGreaterThanOrEqual(8);
    for (const op of picked) {
      const sample = decorated.paths[op.path][op.method.toLowerCase()]["x-codeSamples"].find((s: { label: string }) => s.label === "CLI")
        ?.source as string;
      expect(sample, op.operationId).toMatch(/^comm100 /);
      seen.length = 0;
      const { stdout } = await run("sh", ["-c", `${sample.replace(/^comm100 /, '"$NODE" "$COMM100_BIN" ')} --format json`], {
        cwd: pkgDir,
        env: {
          PATH: process.env.PATH ?? "",
          NODE: process.execPath,
          COMM100_BIN: bin,
          COMM100_BASE_URL: mock.url,
          COMM100_EMAIL: "agent@example.com",
          COMM100_API_KEY: "any-key",
          XDG_CONFIG_HOME: join(pkgDir, ".tmp", "no-config"),
        },
      });
      expect(() => JSON.parse(stdout), sample).not.toThrow();
      expect(seen, sample).toEqual([op.operationId]);
    }
  }, 120_000);
});
