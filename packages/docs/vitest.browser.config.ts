import { defineConfig } from "vitest/config";

// The reference page in headless Chromium, a project of its own (`pnpm --filter @comm100-sdk/docs
// test` runs it after the unit tests). In the root run its files start first, beside the rest of
// the suite (scripts/longest-first-sequencer.mjs): each waits for conditions, never for a set
// time, and its timeouts leave room for a machine kept busy by everything else.
export default defineConfig({
  test: {
    // files share a worker's loaded modules (none stubs a module, a global or the environment)
    isolate: false,
    name: "@comm100-sdk/docs (browser)",
    include: ["test/browser*.test.ts"],
    reporters: ["default", ["json", { outputFile: "reports/vitest-browser.json" }]],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
