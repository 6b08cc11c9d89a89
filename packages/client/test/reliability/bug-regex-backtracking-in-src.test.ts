// Regression: a `baseUrl` with many slashes took seconds at client creation (`/\/+$/` backtracks on
// a long run of slashes followed by another character). Every regular expression literal in the
// client's src is now checked with recheck (a ReDoS checker); the slash trimming is a loop.
import { readdirSync, readFileSync } from "node:fs";
import { check } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { createComm100Client } from "../../src/index.js";

const SRC = new URL("../../src/", import.meta.url);

/** Every regular expression literal, found by TypeScript's parser (comments and strings are not regexes). */
function literals(): { file: string; source: string; flags: string }[] {
  const out: { file: string; source: string; flags: string }[] = [];
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

describe("bug: a regex in src backtracks (baseUrl with many slashes)", () => {
  const found = literals();

  it("finds the literals (the scan itself works)", () => {
    expect(found.map((r) => r.source)).toContain(String.raw`^\d+$`);
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  it("none can backtrack super-linearly", { timeout: 120_000 }, async () => {
    const vulnerable: string[] = [];
    for (const { file, source, flags } of found) {
      const result = await check(source, flags.replace(/[gy]/g, ""));
      if (result.status !== "safe") vulnerable.push(`${file}: /${source}/${flags} ${result.status}`);
    }
    expect(vulnerable).toEqual([]);
  });

  it("the checker flags the old trailing-slash pattern", { timeout: 120_000 }, async () => {
    expect((await check(String.raw`\/+$`, "")).status).toBe("vulnerable");
  });

  it("a baseUrl with 100,000 slashes is accepted and its trailing slashes trimmed", () => {
    const c = createComm100Client({
      baseUrl: `https://example.com/${"/".repeat(100_000)}x${"/".repeat(1000)}`,
      email: "a@b.c",
      apiKey: "k",
    });
    expect(typeof c.agents.list).toBe("function");
  });
});
