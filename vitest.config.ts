// `pnpm test` runs every workspace's tests as projects of one vitest run: one pool of workers
// shared by the whole suite, so a package that waits on timers or child processes leaves the
// CPUs to the others. Each project keeps its own vitest.config.ts (timeouts, setup, typecheck).
import { defineConfig } from "vitest/config";

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
    // most files wait on sockets, timers and child processes: more workers than CPUs keeps both busy
    maxWorkers: 4,
  },
});
