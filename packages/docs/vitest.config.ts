import { defineConfig } from "vitest/config";

// The browser tests live in vitest.browser.config.ts (their own project, with their own timeouts).
export default defineConfig({
  test: {
    // files share a worker's loaded modules (none stubs a module, a global or the environment)
    isolate: false,
    name: "@comm100-sdk/docs",
    include: ["test/**/*.test.ts"],
    exclude: ["test/browser*.test.ts"],
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    // The tsc and CLI tests start processes; give them room on a slow CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
