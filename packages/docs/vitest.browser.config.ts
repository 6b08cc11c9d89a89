import { defineConfig } from "vitest/config";

// The reference page in headless Chromium. A page renders on the CPU: with the whole suite beside
// it on a 2-core machine one route change took seconds and a 70-route test ran out of time. In the
// root run this project is a group of its own that starts when the others have finished.
export default defineConfig({
  test: {
    name: "@comm100-sdk/docs (browser)",
    include: ["test/browser*.test.ts"],
    reporters: ["default", ["json", { outputFile: "reports/vitest-browser.json" }]],
    sequence: { groupOrder: 1 },
    // one file at a time: each Chromium gets the machine (two at once only made each slower)
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
