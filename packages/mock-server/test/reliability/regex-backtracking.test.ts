// Every regular expression literal in the mock's src is checked with recheck (a ReDoS checker):
// none may backtrack super-linearly (two did: issue 14's integer coercion and Basic auth).
import { readdirSync, readFileSync } from "node:fs";
import { check } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = new URL("../../src/", import.meta.url);

/** Every regular expression literal, found by TypeScript's parser (comments and strings are not regexes). */
function literals(): Array<{ file: string; source: string; flags: string }> {
  const out: Array<{ file: string; source: string; flags: string }> = [];
  for (const file of readdirSync(SRC, { recursive: true }) as string[]) {
    if (!file.endsWith(".ts")) continue;
    const sf = ts.createSourceFile(file, readFileSync(new URL(file, SRC), "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const end = text.lastIndexOf("/");
        out.push({ file, source: text.slice(1, end), flags: text.slice(end + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

describe("regular expressions in src", () => {
  const found = literals();

  it("finds the literals (the scan itself works)", () => {
    expect(found.map((r) => r.source)).toContain("^[A-Za-z0-9+/]$");
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  it("none can backtrack super-linearly", { timeout: 120_000 }, async () => {
    const vulnerable: string[] = [];
    for (const { file, source, flags } of found) {
      const result = await check(source, flags.replace(/[gy]/g, ""));
      if (result.status !== "safe") vulnerable.push(`${file}: /${source}/${flags} ${result.status}`);
    }
    console.log(`recheck: ${found.length} regular expressions in src, ${vulnerable.length} not safe`);
    expect(vulnerable).toEqual([]);
  });

  it("the checker does flag the two patterns issue 14 found", { timeout: 120_000 }, async () => {
    expect((await check(String.raw`^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$`, "")).status).toBe("vulnerable");
    expect((await check(String.raw`^Basic[ \t]+(\S*)[ \t]*$`, "i")).status).toBe("vulnerable");
  });
});
