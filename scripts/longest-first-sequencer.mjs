// The order `pnpm test` starts its files in: the longest first, across every project, so that no
// long file starts near the end and runs alone on an otherwise idle machine (vitest's own order
// runs the projects one after the other, by name: the packaging and Redis files, among the
// longest, came last). The length of a file is its duration in vitest's cache of the last run;
// a fresh clone has none, so the files known to be long (Chromium, npm installs, worker processes)
// go first by name. Only the order changes: what runs, and how, stays the projects' own.
import { relative } from "node:path";
import { BaseSequencer } from "vitest/node";

/** Files known to take many seconds, longest first; used while the cache knows no duration. */
export const KNOWN_LONG = [
  "packages/docs/test/browser.test.ts",
  "packages/mock-server/test/state/contract.test.ts",
  "packages/docs/test/browser-axe.test.ts",
  "packaging/test/consumers.test.ts",
  "packages/docs/test/browser-readers.test.ts",
  "packages/redis/test/workers.test.ts",
  "packaging/test/engines.test.ts",
  "packages/mock-server/test/cli.test.ts",
  "packages/client/test/reliability/properties.test.ts",
];

export default class LongestFirstSequencer extends BaseSequencer {
  /** @param {import("vitest/node").TestSpecification[]} files */
  async sort(files) {
    const root = this.ctx.config.root;
    /** @param {import("vitest/node").TestSpecification} f */
    const path = (f) => relative(root, f.moduleId).split("\\").join("/");
    /** @param {import("vitest/node").TestSpecification} f */
    const cached = (f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(root, f.moduleId)}`);
    /** Milliseconds: the cached duration, else ten seconds a rank for a known long file. @param {import("vitest/node").TestSpecification} f */
    const weight = (f) => {
      const known = cached(f)?.duration;
      if (known !== undefined) return known;
      const i = KNOWN_LONG.indexOf(path(f));
      return i === -1 ? 0 : (KNOWN_LONG.length - i) * 10_000;
    };
    return [...files].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        Number(cached(b)?.failed ?? false) - Number(cached(a)?.failed ?? false) ||
        weight(b) - weight(a),
    );
  }
}
