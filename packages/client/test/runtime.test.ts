// Portable source (no Node-only imports) and a package shape that works for ESM and CJS users.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url);
const src = fileURLToPath(new URL("src/", root));
const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));

describe("runtime portability", () => {
  it("src has no node: imports, Buffer, process or require", () => {
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(src + f, "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
      expect(text, f).not.toMatch(/from\s+["']node:|\bBuffer\b|\bprocess\.|\brequire\(|import\(["']node:/);
    }
  });

  it("package.json: sideEffects false, dual exports with types", () => {
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.exports["."].import).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
    expect(pkg.exports["."].require).toEqual({ types: "./dist/index.d.cts", default: "./dist/index.cjs" });
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["@comm100-sdk/types", "openapi-fetch"]);
  });

  it.skipIf(!existsSync(new URL("dist/index.cjs", root)))("the built ESM and CJS entries load and agree", async () => {
    const esm = await import(fileURLToPath(new URL("dist/index.js", root)));
    const cjs = createRequire(import.meta.url)(fileURLToPath(new URL("dist/index.cjs", root)));
    for (const mod of [esm, cjs]) {
      expect(typeof mod.createComm100Client).toBe("function");
      expect(typeof mod.parseComm100Date).toBe("function");
      expect(new mod.Comm100NotFoundError({ status: 404, message: "x", method: "GET", url: "u", body: null })).toBeInstanceOf(
        mod.Comm100ApiError,
      );
      const c = mod.createComm100Client({ email: "a@b.c", apiKey: "k" });
      expect(typeof c.agents.list).toBe("function");
    }
    expect(Object.keys(esm).sort()).toEqual(Object.keys(cjs).sort());
    for (const f of ["index.d.ts", "index.d.cts"]) expect(existsSync(new URL(`dist/${f}`, root))).toBe(true);
  });
});
