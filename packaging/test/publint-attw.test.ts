// Lints every published package as it would be published: the tarball `pnpm pack` made
// (workspace:* already rewritten), with publint and Are the Types Wrong (attw: its checker,
// @arethetypeswrong/core, in this process with the options its CLI uses by default, rather than
// one CLI process that loads TypeScript again per package).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkPackage, createPackageFromTarballData } from "@arethetypeswrong/core";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, inject, it } from "vitest";
import { PUBLISHED, ROOT } from "./packages.js";

/** attw's analysis of a packed tarball (what `attw <tarball> --format json` prints as `analysis`). */
const attw = (tarball: string) => checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))));
const readPkg = (dir: string) => JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8"));

describe.each(PUBLISHED)("$name", ({ name, dir }) => {
  const pkg = readPkg(dir);

  it("publint: no errors or warnings in the packed tarball", async () => {
    const tarball = readFileSync(inject("tarballs")[name]!);
    const { messages, pkg: packed } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      level: "warning",
    });
    const problems = messages.map((m) => `${m.type}: ${formatMessage(m, packed) ?? m.code}`);
    expect(problems).toEqual([]);
  });

  it("package.json: public, licensed, with files and an exports map", () => {
    expect(pkg.private).not.toBe(true);
    expect(pkg.license).toBe("MIT");
    expect(pkg.files?.length).toBeGreaterThan(0);
    expect(pkg.exports?.["./package.json"]).toBe("./package.json");
  });

  if (name === "@comm100-sdk/openapi") {
    // attw checks TypeScript resolution of JavaScript entry points. This package ships only the
    // JSON and YAML documents (no "." entry, no JavaScript, no types), so attw has nothing to
    // check and says so; the consumer tests import both files instead.
    it("attw: not applicable (JSON/YAML only), and attw agrees there are no types", async () => {
      const analysis = await attw(inject("tarballs")[name]!);
      expect(analysis.types).toBe(false);
      expect(Object.keys(pkg.exports).sort()).toEqual(["./openapi.json", "./openapi.yaml", "./package.json"]);
    });
    return;
  }

  it("exports: types for ESM and for CJS", () => {
    const root = pkg.exports["."];
    const flat = JSON.stringify(root);
    expect(flat).toContain("types");
    if (name === "@comm100-sdk/types") return; // types only: one declaration file serves both
    expect(root.import?.types).toMatch(/\.d\.ts$/);
    expect(root.import?.default).toMatch(/\.js$/);
    expect(root.require?.types).toMatch(/\.d\.cts$/);
    expect(root.require?.default).toMatch(/\.cjs$/);
  });

  it("attw: no problems in any resolution mode (node10, node16 CJS and ESM, bundler)", async () => {
    const analysis = await attw(inject("tarballs")[name]!);
    expect(analysis.types).not.toBe(false);
    const problems = (analysis.types ? analysis.problems : []).map((p) =>
      `${p.kind} ${"entrypoint" in p ? p.entrypoint : ""} ${"resolutionKind" in p ? p.resolutionKind : ""}`.trim(),
    );
    expect(problems).toEqual([]);
  });
});
