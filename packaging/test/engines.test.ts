// Truthful `engines`: on every Node of the matrix that a published package claims, `npm install
// --engine-strict` of its packed tarball succeeds (npm checks the `engines` of the package and of
// every dependency it pulls in), and the installed package loads and works on that very Node
// binary. A claim below the oldest Node of the matrix is refused: it would be untested.
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { PUBLISHED, ROOT, runFile } from "./packages.js";
import { NODES } from "./runtime-binaries.js";

/** The lowest Node a claim allows; claims are plain `>=X[.Y[.Z]]` ranges, anything else is an error. */
function lowest(range: string): [number, number, number] {
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!m) throw new Error(`engines.node ${JSON.stringify(range)}: use a plain ">=X.Y.Z" range (the matrix checks the versions it allows)`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}
const parse = (v: string) => v.split(".").map(Number) as [number, number, number];
const atLeast = (v: [number, number, number], min: [number, number, number]) =>
  v[0] !== min[0] ? v[0] > min[0] : v[1] !== min[1] ? v[1] > min[1] : v[2] >= min[2];

const CLAIMS = PUBLISHED.map((p) => {
  const pkg = JSON.parse(readFileSync(join(ROOT, p.dir, "package.json"), "utf8"));
  return { name: p.name, node: pkg.engines?.node as string | undefined };
});

// What each package must do once installed, run by the Node under test (an ES module).
const USE: Record<string, string> = {
  "@comm100-sdk/client": `const { createComm100Client } = await import("@comm100-sdk/client");
    out.client = typeof createComm100Client({ email: "a@example.com", apiKey: "k" }).agents.list;`,
  "@comm100-sdk/mock-server": `const { createMockServer } = await import("@comm100-sdk/mock-server");
    const mock = await createMockServer({ port: 0 });
    const auth = "Basic " + btoa("agent@example.com:mock-api-key");
    out.mock = (await fetch(mock.url + "/livechat/operators", { headers: { authorization: auth } })).status;
    await mock.close();`,
  "@comm100-sdk/redis": `out.redis = Object.keys(await import("@comm100-sdk/redis")).length > 0;`,
  "@comm100-sdk/cli": `out.cli = Object.keys(await import("@comm100-sdk/cli")).length > 0;`,
};
const EXPECTED: Record<string, unknown> = {
  "@comm100-sdk/client": { client: "function" },
  "@comm100-sdk/mock-server": { mock: 200 },
  "@comm100-sdk/redis": { redis: true },
  "@comm100-sdk/cli": { cli: true },
};

/** The machine's npm as a script, to be run by each Node under test (npm checks engines against the Node running it). */
function npmCli(): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const bin = join(dir, "npm");
    if (!existsSync(bin)) continue;
    const real = realpathSync(bin);
    const cli = real.endsWith(".js") ? real : join(dirname(real), "npm-cli.js");
    if (existsSync(cli)) return cli;
  }
  throw new Error("npm-cli.js not found beside the npm on PATH");
}

describe("engines claims", () => {
  it("every claim is a plain >= range no lower than the oldest Node of the matrix", () => {
    const oldest = parse(NODES[0]!.version);
    for (const { name, node } of CLAIMS) {
      if (!node) continue;
      const min = lowest(node);
      expect(atLeast([min[0], 99, 99], oldest), `${name} claims ${node}, below the matrix's Node ${NODES[0]!.version}`).toBe(true);
    }
    // the client claims the oldest Node the matrix has; the matrix must keep that Node
    expect(CLAIMS.find((c) => c.name === "@comm100-sdk/client")?.node).toBe(`>=${NODES[0]!.major}`);
  });
});

for (const node of NODES) {
  const claimed = CLAIMS.filter((c) => !c.node || atLeast(parse(node.version), lowest(c.node)));
  describe.concurrent(`npm install --engine-strict on Node ${node.version}`, () => {
    it(`installs and runs ${claimed.map((c) => c.name.replace("@comm100-sdk/", "")).join(", ")}`, async () => {
      const tarballs = inject("tarballs");
      const dir = join(inject("workDir"), `engines-${node.major}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, "package.json"),
        JSON.stringify({ name: `engines-${node.major}`, private: true, version: "0.0.0", type: "module" }),
      );
      // The machine's npm, run by the Node under test: it checks every engines field against it.
      await runFile(
        node.path(),
        [
          npmCli(),
          "install",
          ...claimed.map((c) => tarballs[c.name]!),
          "--engine-strict",
          "--prefer-offline",
          "--no-audit",
          "--no-fund",
          "--ignore-scripts",
          "--loglevel=error",
        ],
        dir,
      );
      const uses = claimed.filter((c) => USE[c.name]);
      writeFileSync(
        join(dir, "use.mjs"),
        `const out = {};\n${uses.map((c) => USE[c.name]).join("\n")}\nconsole.log(JSON.stringify(out));\n`,
      );
      const out = JSON.parse((await runFile(node.path(), ["use.mjs"], dir)).trim().split("\n").at(-1)!);
      expect(out).toEqual(Object.assign({}, ...uses.map((c) => EXPECTED[c.name])));
    });
  });
}
