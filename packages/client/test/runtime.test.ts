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

  it.skipIf(!existsSync(new URL("dist/request.cjs", root)))("./request shares its classes and functions with . (ESM and CJS)", async () => {
    const load = createRequire(import.meta.url);
    const pairs = [
      [await import(fileURLToPath(new URL("dist/index.js", root))), await import(fileURLToPath(new URL("dist/request.js", root)))],
      [load(fileURLToPath(new URL("dist/index.cjs", root))), load(fileURLToPath(new URL("dist/request.cjs", root)))],
    ];
    for (const [whole, request] of pairs) {
      expect(Object.keys(request).length).toBeGreaterThan(10);
      for (const name of Object.keys(request)) expect(request[name], name).toBe(whole[name]);
      expect(request.createComm100Client).toBeUndefined();
      const c = request.createComm100RequestClient({ email: "a@b.c", apiKey: "k" });
      expect(typeof c.GET).toBe("function");
      expect(c.agents).toBeUndefined();
    }
    expect(pkg.exports["./request"]).toEqual({
      import: { types: "./dist/request.d.ts", default: "./dist/request.js" },
      require: { types: "./dist/request.d.cts", default: "./dist/request.cjs" },
    });
  });
});
