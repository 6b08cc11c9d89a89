import { defineConfig } from "tsup";

// ESM only: its users are vitest tests, all ESM.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  target: "node20",
});
