// The root README's "Supported runtimes" table names the versions the matrix runs: it must follow
// the pins (tools/runtimes) and the packages' engines claims when they change.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLISHED, ROOT } from "./packages.js";
import { NODES, runtimeVersion } from "./runtime-binaries.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Supported runtimes"), readme.indexOf("\n## ", readme.indexOf("## Supported runtimes") + 1));
const row = (runtime: string) => section.split("\n").find((l) => l.startsWith(`| ${runtime} |`)) ?? "";

describe("README: Supported runtimes", () => {
  it("has the section and a row per runtime of the matrix", () => {
    expect(section).toMatch(/^## Supported runtimes\n/);
    for (const r of ["Node.js", "Deno", "Bun", "Chromium", "Cloudflare Workers", "Vercel Edge Runtime"]) expect(row(r), r).not.toBe("");
  });

  it("names every pinned Node and runtime version", () => {
    const node = row("Node.js");
    expect(node).toContain(NODES.map((n) => n.major).join(", "));
    for (const n of NODES) expect(node).toContain(n.version);
    expect(row("Deno")).toContain(`(${runtimeVersion("deno")})`);
    expect(row("Bun")).toContain(`(${runtimeVersion("bun")})`);
    expect(row("Cloudflare Workers")).toContain(`\`workerd\` ${runtimeVersion("workerd")}`);
    expect(row("Vercel Edge Runtime")).toContain(`\`edge-runtime\` ${runtimeVersion("edge-runtime")}`);
  });

  it("states each package's engines claim", () => {
    for (const p of PUBLISHED) {
      const node: string | undefined = JSON.parse(readFileSync(join(ROOT, p.dir, "package.json"), "utf8")).engines?.node;
      if (!node) continue;
      const major = /^>=\s*(\d+)/.exec(node)?.[1];
      // the paragraph of claims, one clause per claim: "`@comm100-sdk/x` ... Node N or later"
      const claims = section.split("\n\n").find((para) => para.startsWith("Node versions each package claims")) ?? "";
      const sentence = claims.split(";").find((clause) => clause.includes(`\`${p.name}\``)) ?? "";
      expect(sentence, p.name).toContain(`Node ${major} or later`);
    }
  });
});
