// Regression: `pnpm install` in a fresh clone printed "Failed to create bin ... comm100-mock" (and
// "... comm100") once per workspace that depends on the package: the bins pointed at dist/cli.js,
// which does not exist before the first build. Each bin is now a committed file that imports
// ../dist/cli.js when it runs.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLISHED, ROOT } from "./packages.js";

const withBins = PUBLISHED.map((p) => ({ ...p, bin: JSON.parse(readFileSync(join(ROOT, p.dir, "package.json"), "utf8")).bin })).filter(
  (p) => p.bin,
);

describe("bug: a fresh pnpm install warns that it failed to create bins", () => {
  it("the packages with commands are the mock server and the CLI", () => {
    expect(withBins.map((p) => p.name).sort()).toEqual(["@comm100-sdk/cli", "@comm100-sdk/mock-server"]);
  });

  for (const p of withBins) {
    for (const [name, target] of Object.entries<string>(p.bin)) {
      it(`${name}: ${target} is committed, outside dist/, and runs the built command`, () => {
        const file = join(p.dir, target);
        expect(target).not.toMatch(/^(\.\/)?dist\//);
        // tracked by git, so it is there right after a clone
        expect(execFileSync("git", ["ls-files", "--error-unmatch", file], { cwd: ROOT, encoding: "utf8" }).trim()).toBe(file);
        const text = readFileSync(join(ROOT, file), "utf8");
        expect(text.startsWith("#!/usr/bin/env node\n")).toBe(true);
        expect(text).toContain('import "../dist/cli.js";');
        const out = execFileSync(process.execPath, [join(ROOT, file), "--help"], { encoding: "utf8", timeout: 60_000 });
        expect(out).toMatch(new RegExp(`Usage: ${name}\\b`));
      });
    }
  }
});
