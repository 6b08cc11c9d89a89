// The committed types must be exactly what this package's `generate` script makes from the
// bundled spec: the same command writes into a temporary folder and the bytes are compared.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { listOperations, recordCoverage } from "@comm100-sdk/spec-reader";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const committed = join(pkgDir, "src/generated/schema.d.ts");
const out = mkdtempSync(join(tmpdir(), "comm100-types-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The package's `generate` script with its output redirected to `file`. */
function generateInto(file: string) {
  const script: string = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).scripts.generate;
  const [bin, ...args] = script.split(" ");
  const o = args.indexOf("-o");
  expect(bin, "generate is an openapi-typescript call").toBe("openapi-typescript");
  expect(o, "generate names its output with -o").toBeGreaterThan(0);
  args[o + 1] = file;
  execFileSync(join(pkgDir, "node_modules/.bin/openapi-typescript"), args, { cwd: pkgDir, stdio: "pipe", timeout: 60_000 });
}

/** The member names of the `operations` interface the generated file declares. */
function declaredOperations(source: string): string[] {
  const file = ts.createSourceFile("schema.d.ts", source, ts.ScriptTarget.Latest);
  const decl = file.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "operations");
  return (decl?.members ?? []).flatMap((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? [m.name.text] : []));
}

describe("generated types", () => {
  it("are byte for byte what `generate` writes from spec/dist/openapi.json", () => {
    const fresh = join(out, "schema.d.ts");
    generateInto(fresh);
    const same = readFileSync(fresh).equals(readFileSync(committed));
    expect(same, "run `pnpm --filter @comm100-sdk/types generate` and commit src/generated").toBe(true);
  }, 60_000);

  // The build regenerates the file before tests run, so also compare with what git has:
  // a spec change whose regenerated types were not committed fails here (and in CI).
  it("are committed as built", () => {
    const diff = execFileSync("git", ["status", "--porcelain", "--", "src/generated"], { cwd: pkgDir, encoding: "utf8" });
    expect(diff, "run `pnpm build` and commit packages/types/src/generated").toBe("");
  });

  it("declare an operation type for every operationId of the spec", () => {
    const ids = listOperations().map((o) => o.operationId);
    const declared = declaredOperations(readFileSync(committed, "utf8"));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !declared.includes(id))).toEqual([]);
    recordCoverage(
      pkgDir,
      "operation types generated",
      ids.filter((id) => declared.includes(id)),
    );
  });
});
