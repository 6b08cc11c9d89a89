// The bundle is reproducible: the `bundle` script's redocly calls, run twice into temporary
// folders, write the same bytes, and the JSON and YAML bundles hold the same document.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { specDir } from "./helpers.js";

const redocly = path.join(specDir, "node_modules", ".bin", "redocly");
const runs = [mkdtempSync(path.join(tmpdir(), "comm100-spec-a-")), mkdtempSync(path.join(tmpdir(), "comm100-spec-b-"))] as const;
afterAll(() => {
  for (const dir of runs) rmSync(dir, { recursive: true, force: true });
});

/** The redocly calls of the `bundle` script, each with its output moved into `dir`. */
function bundleInto(dir: string, ext: "json" | "yaml") {
  const script: string = JSON.parse(readFileSync(path.join(specDir, "package.json"), "utf8")).scripts.bundle;
  const call = script.split(" && ").find((c) => c.includes(`--ext ${ext}`));
  expect(call, `the bundle script writes ${ext}`).toBeDefined();
  const args = (call ?? "").split(" ").slice(1);
  args[args.indexOf("-o") + 1] = path.join(dir, `openapi.${ext}`);
  execFileSync(redocly, args, { cwd: specDir, stdio: "pipe", timeout: 60_000 });
  return readFileSync(path.join(dir, `openapi.${ext}`));
}

describe("the bundle", () => {
  it("is the same bytes when made twice from the sources", () => {
    const [a, b] = runs.map((dir) => bundleInto(dir, "json"));
    expect(a?.length).toBeGreaterThan(0);
    expect(a?.equals(b as Buffer), "two bundles of the same sources differ").toBe(true);
  });

  it("as YAML holds the same document as the JSON bundle", () => {
    const yaml = bundleInto(runs[1], "yaml").toString("utf8");
    const json = readFileSync(path.join(runs[0], "openapi.json"), "utf8");
    expect(parse(yaml)).toEqual(JSON.parse(json));
  });
});
