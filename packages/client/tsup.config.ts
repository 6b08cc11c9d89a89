import { defineConfig } from "tsup";

export default defineConfig({
  // `quota` is its own entry (`@comm100-sdk/client/quota`), so a client without limits carries none of it
  entry: { index: "src/index.ts", quota: "src/quota/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  treeshake: true,
  // the quota entry imports the error classes through the package's own name: one copy of each class
  external: ["@comm100-sdk/client"],
});
