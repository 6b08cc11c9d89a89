import { defineConfig } from "tsup";

export default defineConfig({
  // `request` (`@comm100-sdk/client/request`): the request style without the resource table, for
  // CommonJS users too. `quota` (`@comm100-sdk/client/quota`): a client without limits carries none of it.
  entry: { index: "src/index.ts", request: "src/request-entry.ts", quota: "src/quota/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  treeshake: true,
  // "." and "./request" share their modules through chunks (in both formats), so a program that
  // loads both has one copy of each error class
  splitting: true,
  // the quota entry imports the error classes through the package's own name: one copy of each class
  external: ["@comm100-sdk/client"],
});
