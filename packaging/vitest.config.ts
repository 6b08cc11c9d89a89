import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // files share a worker's loaded modules (none stubs a module, a global or the environment)
    isolate: false,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }], "./test/runtime-matrix-reporter.ts"],
    // Packing, installing and type-checking consumer projects takes tens of seconds, not a unit test's 5.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    globalSetup: ["./test/global-setup.ts"],
  },
});
