// Packs every published package once per run with `pnpm pack` (which rewrites `workspace:*` to
// real versions, exactly as `pnpm publish` does) into a temporary directory shared by the tests.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { PUBLISHED, ROOT } from "./packages.js";

export default function setup(project: TestProject) {
  const workDir = mkdtempSync(join(tmpdir(), "comm100-packaging-"));
  const packDir = join(workDir, "tarballs");
  const tarballs: Record<string, string> = {};
  for (const pkg of PUBLISHED) {
    const before = new Set(safeList(packDir));
    execFileSync("pnpm", ["pack", "--pack-destination", packDir], { cwd: join(ROOT, pkg.dir), stdio: "pipe" });
    const made = safeList(packDir).filter((f) => f.endsWith(".tgz") && !before.has(f));
    if (made.length !== 1) throw new Error(`pnpm pack in ${pkg.dir} made ${made.length} tarballs`);
    tarballs[pkg.name] = join(packDir, made[0]!);
  }
  project.provide("tarballs", tarballs);
  project.provide("workDir", workDir);
  return () => {
    if (!process.env.KEEP_PACKAGING_TMP) rmSync(workDir, { recursive: true, force: true });
  };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
