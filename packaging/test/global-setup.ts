// Packs every published package once per run with `pnpm pack` (which rewrites `workspace:*` to
// real versions, exactly as `pnpm publish` does) into a temporary directory shared by the tests.
// The packs run side by side, each into a folder of its own: every test of the run waits for this.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { PUBLISHED, ROOT, runFile } from "./packages.js";

export default async function setup(project: TestProject) {
  const workDir = mkdtempSync(join(tmpdir(), "comm100-packaging-"));
  const tarballs: Record<string, string> = {};
  await Promise.all(
    PUBLISHED.map(async (pkg) => {
      const packDir = join(workDir, "tarballs", pkg.dir.replaceAll("/", "-"));
      await runFile("pnpm", ["pack", "--pack-destination", packDir], join(ROOT, pkg.dir));
      const made = safeList(packDir).filter((f) => f.endsWith(".tgz"));
      if (made.length !== 1) throw new Error(`pnpm pack in ${pkg.dir} made ${made.length} tarballs`);
      tarballs[pkg.name] = join(packDir, made[0]!);
    }),
  );
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
