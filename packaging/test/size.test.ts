// The client's size budget (packages/client/.size-limit.json), checked with size-limit's own CLI
// (esbuild bundle of the entry, dependencies included, minified, gzip) on the built package.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./packages.js";

const require = createRequire(import.meta.url);
const SIZE_LIMIT = join(require.resolve("size-limit/package.json"), "..", "bin.js");
const CONFIG = join(ROOT, "packages/client/.size-limit.json");
const BUDGET = 12000; // bytes, min+gzip, any entry (11400 before the dates option of issue 15; 8000 before the hardening of issues 14 and 15; 10000 before withResponse, page iterators, environment defaults and log levels; 10500 before the direct request path of issue 13)

interface Entry {
  name: string;
  path: string;
  limit: string;
  gzip?: boolean;
}
const entries: Entry[] = JSON.parse(readFileSync(CONFIG, "utf8"));
const bytes = (limit: string) => {
  const m = /^([\d.]+)\s*(B|kB|KB|KiB)$/.exec(limit.trim());
  if (!m) throw new Error(`unreadable limit ${limit}`);
  return Number(m[1]) * (m[2] === "B" ? 1 : m[2] === "KiB" ? 1024 : 1000);
};

describe("client size budget", () => {
  it("the budget file asks for gzip sizes of built files, none above the budget", () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      expect(e.gzip, e.name).toBe(true);
      expect(bytes(e.limit), e.name).toBeLessThanOrEqual(BUDGET);
      expect(existsSync(join(ROOT, "packages/client", e.path)), `${e.path} is built`).toBe(true);
    }
  });

  it("size-limit: every entry is within its limit", () => {
    // Run from this workspace so size-limit finds its plugins here; paths resolve from the config.
    const r = spawnSync(process.execPath, [SIZE_LIMIT, "--config", CONFIG, "--json"], { cwd: join(ROOT, "packaging"), encoding: "utf8" });
    const results: { name: string; passed: boolean; size: number; sizeLimit: number }[] = JSON.parse(r.stdout);
    expect(results.map((x) => x.name)).toEqual(entries.map((e) => e.name));
    for (const x of results) {
      console.log(`${x.name}: ${x.size} B gzip (limit ${x.sizeLimit} B)`);
      expect(x.size, x.name).toBeGreaterThan(500); // a real bundle, not an empty file
      expect(x.size, x.name).toBeLessThanOrEqual(x.sizeLimit);
      expect(x.passed, x.name).toBe(true);
    }
    expect(r.status, r.stderr).toBe(0);
    // the request style alone leaves the resource table and methods out (tree-shaking by layout)
    const size = (name: string) => results.find((x) => x.name.startsWith(name))?.size ?? Number.NaN;
    expect(size("request style alone:"), "the ./request entry").toBeLessThan(size("whole SDK") - 1000);
    expect(size("request style alone, imported from"), "createComm100RequestClient from .").toBeLessThan(size("whole SDK") - 1000);
  });
});
