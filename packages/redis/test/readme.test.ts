// The README's example is examples/shared-budget.ts verbatim (type-checked by `typecheck`), and the
// client README's "Quota" section shows the same one.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (p: string) => readFileSync(new URL(p, import.meta.url), "utf8");
const example = read("../examples/shared-budget.ts");

describe("README", () => {
  it("contains examples/shared-budget.ts verbatim, as does the client README", () => {
    expect(read("../README.md")).toContain(`\`\`\`ts\n${example}\`\`\``);
    expect(read("../../client/README.md")).toContain(`\`\`\`typescript\n${example}\`\`\``);
  });
});
