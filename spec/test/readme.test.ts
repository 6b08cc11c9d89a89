// The README's usage example runs as written and lists every operation of the bundle.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url);

describe("README", () => {
  it("its example prints one line per operation of dist/openapi.json", () => {
    const readme = readFileSync(new URL("README.md", root), "utf8");
    const code = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    // inside the package, so "@comm100-sdk/openapi/..." resolves through its own exports
    mkdirSync(new URL(".tmp/", root), { recursive: true });
    const file = fileURLToPath(new URL(".tmp/list-operations.mjs", root));
    writeFileSync(file, code!);
    const lines = execFileSync(process.execPath, [file], { encoding: "utf8" }).trim().split("\n");
    const spec = JSON.parse(readFileSync(new URL("dist/openapi.json", root), "utf8"));
    const ids = Object.values(spec.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((item) =>
      Object.values(item).flatMap((op) => (op?.operationId ? [op.operationId] : [])),
    );
    expect(lines).toHaveLength(ids.length);
    expect(lines[0]).toMatch(/^GET\s+\/livechat\/operators listAgents$/);
    for (const id of ids) expect(lines.some((l) => l.endsWith(` ${id}`))).toBe(true);
  });
});
