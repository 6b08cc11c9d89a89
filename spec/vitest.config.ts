import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // files share a worker's loaded modules (none stubs a module, a global or the environment)
    isolate: false,
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
