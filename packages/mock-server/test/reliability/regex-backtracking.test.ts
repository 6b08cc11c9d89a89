// Every regular expression literal in the mock's src is checked with recheck (a ReDoS checker):
// none may backtrack super-linearly (two did: issue 14's integer coercion and Basic auth).
import { regexLiterals, regexStatus, unsafeRegexes } from "@comm100-sdk/regex-scan";
import { describe, expect, it } from "vitest";

describe("regular expressions in src", () => {
  const found = regexLiterals(new URL("../../src/", import.meta.url));

  it("finds the literals (the scan itself works)", () => {
    expect(found.map((r) => r.source)).toContain("^[A-Za-z0-9+/]$");
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  it("none can backtrack super-linearly", { timeout: 120_000 }, async () => {
    const vulnerable = await unsafeRegexes(found);
    console.log(`recheck: ${found.length} regular expressions in src, ${vulnerable.length} not safe`);
    expect(vulnerable).toEqual([]);
  });

  it("the checker does flag the two patterns issue 14 found", { timeout: 120_000 }, async () => {
    expect(await regexStatus(String.raw`^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$`, "")).toBe("vulnerable");
    expect(await regexStatus(String.raw`^Basic[ \t]+(\S*)[ \t]*$`, "i")).toBe("vulnerable");
  });
});
