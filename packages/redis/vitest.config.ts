import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // one Redis and several worker processes per file: files one at a time on a 2-core machine
    fileParallelism: false,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
