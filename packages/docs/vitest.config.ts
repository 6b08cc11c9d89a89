import { defineConfig } from "vitest/config";

// The browser tests live in vitest.browser.config.ts: in the root run they go after everything
// else (sequence.groupOrder), so Chromium does not compete with the rest of the suite for the CPUs.
export default defineConfig({
  test: {
    name: "@comm100-sdk/docs",
    include: ["test/**/*.test.ts"],
    exclude: ["test/browser*.test.ts"],
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    // The tsc and CLI tests start processes; give them room on a slow CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
