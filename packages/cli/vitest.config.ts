import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // files share a worker's loaded modules (none stubs a module, a global or the environment)
    isolate: false,
    include: ["test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    // The tests spawn the built binary and tmux sessions on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
