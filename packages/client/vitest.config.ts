import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // src/quota imports the error classes as "@comm100-sdk/client": the sources, like the tests
  resolve: { alias: [{ find: /^@comm100-sdk\/client$/, replacement: fileURLToPath(new URL("src/index.ts", import.meta.url)) }] },
  test: {
    include: ["test/**/*.test.ts"],
    // files share a worker's loaded modules (no test stubs a module or a global it does not restore):
    // a third less CPU for the project, which is most of the suite's import time
    isolate: false,
    // the type tests (*.test-d.ts, expectTypeOf): one tsc program over just those files
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "test/tsconfig.typecheck.json" },
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    testTimeout: 20_000,
  },
});
