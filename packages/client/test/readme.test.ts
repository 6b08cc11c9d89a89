// The README's TypeScript examples are examples/*.ts verbatim (type-checked by `typecheck`).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");
const rootReadme = readFileSync(new URL("../../README.md", root), "utf8");
const examples = readdirSync(new URL("examples/", root)).filter((f) => f.endsWith(".ts"));
const tsBlocks = (md: string) => [...md.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const blocks = tsBlocks(readme);
const rootBlocks = tsBlocks(rootReadme);

describe("README", () => {
  for (const f of examples) {
    it(`contains examples/${f} verbatim (this README or the repository's)`, () => {
      expect([...blocks, ...rootBlocks]).toContain(readFileSync(new URL(`examples/${f}`, root), "utf8"));
    });
  }
  it("has no TypeScript block, here or in the repository README, that is not a checked example", () => {
    const texts = examples.map((f) => readFileSync(new URL(`examples/${f}`, root), "utf8"));
    for (const b of [...blocks, ...rootBlocks]) expect(texts).toContain(b);
    expect(rootBlocks.length).toBeGreaterThan(0);
    expect(blocks.length + rootBlocks.length).toBe(examples.length);
  });
  it("covers install, both styles, errors, retries, timeouts, pagination, the quota, dates and the logger", () => {
    for (const h of [
      "## Install",
      "## Quick start",
      "## Two styles",
      "## Errors",
      "## Retries and timeouts",
      "## Pagination",
      "## Quota",
      "## Dates",
      "## Logging",
    ])
      expect(readme).toContain(h);
  });
});
