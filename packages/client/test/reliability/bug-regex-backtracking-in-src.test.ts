// Regression: a `baseUrl` with many slashes took seconds at client creation (`/\/+$/` backtracks on
// a long run of slashes followed by another character). Every regular expression literal in the
// client's src is now checked with recheck (a ReDoS checker); the slash trimming is a loop.
import { regexLiterals, regexStatus, unsafeRegexes } from "@comm100-sdk/regex-scan";
import { describe, expect, it } from "vitest";
import { createComm100Client } from "../../src/index.js";

describe("bug: a regex in src backtracks (baseUrl with many slashes)", () => {
  const found = regexLiterals(new URL("../../src/", import.meta.url));

  it("finds the literals (the scan itself works)", () => {
    expect(found.map((r) => r.source)).toContain(String.raw`^\d+$`);
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  it("none can backtrack super-linearly", { timeout: 120_000 }, async () => {
    const vulnerable = await unsafeRegexes(found);
    expect(vulnerable).toEqual([]);
  });

  it("the checker flags the old trailing-slash pattern", { timeout: 120_000 }, async () => {
    expect(await regexStatus(String.raw`\/+$`, "")).toBe("vulnerable");
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
