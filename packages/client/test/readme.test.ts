// The README's TypeScript examples are examples/*.ts verbatim (type-checked by `typecheck`).
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");
const examples = readdirSync(new URL("examples/", root)).filter((f) => f.endsWith(".ts"));
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

describe("README", () => {
  for (const f of examples) {
    it(`contains examples/${f} verbatim`, () => {
      expect(blocks).toContain(readFileSync(new URL(`examples/${f}`, root), "utf8"));
    });
  }
  it("has no TypeScript block that is not a checked example", () => {
    const texts = examples.map((f) => readFileSync(new URL(`examples/${f}`, root), "utf8"));
    for (const b of blocks) expect(texts).toContain(b);
    expect(blocks.length).toBe(examples.length);
  });
  it("covers install, both styles, errors, retries, timeouts, pagination, dates and the logger", () => {
    for (const h of ["## Install", "## Quick start", "## Two styles", "## Errors", "## Retries and timeouts", "## Pagination", "## Dates", "## Logging"])
      expect(readme).toContain(h);
  });
});
