import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    // The browser and tsc tests start processes; give them room on a slow CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
