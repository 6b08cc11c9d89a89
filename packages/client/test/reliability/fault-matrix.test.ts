// The fault matrix (scenarios.ts) against the scripted fault server: every fault ends in the
// documented outcome, error class, number of attempts and time bound.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { writeFigures } from "./report.js";
import { runScenario, SCENARIOS } from "./scenarios.js";

const KEY = "matrix-key-0123456789abcdef";
const survived: string[] = [];
const results: Record<string, { attempts: number; ms: number; outcome: string }> = {};

describe("fault matrix", () => {
  it("has unique scenario ids", () => {
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
  });

  for (const s of SCENARIOS) {
    it(`${s.id}: ${s.guarantee}`, async () => {
      const o = await runScenario(s, KEY);
      s.check(o, expect as never);
      // no SyntaxError/TypeError ever escapes: failures are Comm100 errors or the caller's abort
      if (o.error !== undefined)
        expect(["AbortError"].includes((o.error as Error).name) || (o.error as Error).name.startsWith("Comm100")).toBe(true);
      survived.push(s.id);
      results[s.id] = {
        attempts: o.attempts,
        ms: o.ms,
        outcome: o.error === undefined ? "ok" : (o.error as Error).name,
      };
    });
  }

  it("RELIABILITY.md lists every fault of the matrix", () => {
    const doc = readFileSync(new URL("../../../../RELIABILITY.md", import.meta.url), "utf8");
    const missing = SCENARIOS.filter((s) => !doc.includes(`\`${s.id}\``)).map((s) => s.id);
    expect(missing).toEqual([]);
  });
});

afterAll(() => {
  const rows = SCENARIOS.map(({ id, fault, method, guarantee, retried }) => ({
    id,
    fault,
    method,
    guarantee,
    retried,
    ...(results[id] ?? { outcome: "FAILED" }),
  }));
  writeFigures("fault-matrix", { scenarios: SCENARIOS.length, survived: survived.length, rows });
});
