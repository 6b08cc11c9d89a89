import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // files share a worker's loaded modules (no test stubs a module or a global it does not restore):
    // a third less CPU for the project, which is most of the suite's import time
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
