import { defineConfig } from "tsup";

// ESM only: its users are Node scripts run by plain `node` and vitest tests, all ESM.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
});
