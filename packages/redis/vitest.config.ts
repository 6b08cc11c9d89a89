import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // files share a worker's loaded modules (none stubs a module, a global or the environment)
    isolate: false,
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // each file starts its own redis-server on a free port, so files may run beside the rest of the
    // suite (one at a time, they ran after everything else and added their whole time to the run)
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
