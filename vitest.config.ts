// `pnpm test` runs every workspace's tests as projects of one vitest run: one pool of workers
// shared by the whole suite, so a package that waits on timers or child processes leaves the
// CPUs to the others. Each project keeps its own vitest.config.ts (timeouts, setup, typecheck).
import { defineConfig } from "vitest/config";
import LongestFirstSequencer from "./scripts/longest-first-sequencer.mjs";

export default defineConfig({
  test: {
    projects: [
      "spec/vitest.config.ts",
      "packages/*/vitest.config.ts",
      "packages/docs/vitest.browser.config.ts",
      "tools/*/vitest.config.ts",
      "packaging/vitest.config.ts",
    ],
    // a project's own reporters do not apply here: the packaging runtime matrix table is added again
    // timeout-margin-reporter lists the tests that took over a third of their timeout (a warning)
    reporters: [
      "default",
      ["json", { outputFile: "reports/vitest.json" }],
      "./packaging/test/runtime-matrix-reporter.ts",
      "./scripts/timeout-margin-reporter.mjs",
    ],
    // the longest files first across projects (vitest's order runs the projects one after another)
    sequence: { sequencer: LongestFirstSequencer },
    // most files wait on sockets, timers and child processes: one worker more than a 2-core machine's
    // CPUs keeps both busy (four spent more CPU on workers' own start-up and imports than they saved)
    maxWorkers: 3,
  },
});
