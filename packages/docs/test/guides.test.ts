// The hand-written guides (guides/*.md): where they land among the introduction's sections, that
// their links point at entries of the page, and that their TypeScript runs: the getting-started
// and one-process quota examples against the mock, the several-process one as three workers
// sharing a real Redis.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer } from "@comm100-sdk/mock-server";
import { GUIDE_FILES, guideCodeBlocks, mergeGuides, parseGuide, readGuides } from "../scripts/lib/guides.mjs";
import { decoratedPath, pkgDir, samplesPath } from "./paths.js";
import { startRedis, type TestRedis } from "../../redis/test/redis-server.js";

const guides = readGuides();
const blocks = guideCodeBlocks(guides);
const decorated = JSON.parse(readFileSync(decoratedPath, "utf8"));
type Tag = { name: string; description?: string; "x-traitTag"?: boolean };
const guideTags: Tag[] = decorated.tags.filter((t: Tag) => t["x-traitTag"]);

describe("placing the guides", () => {
  const intro = "Lead.\n\n## Base URL\nhosts\n\n## Daily request quota\nThe limit.\n\n## Pagination\npages\n";
  const g = (file: string, at: "start" | "end" | "extend", text: string) => parseGuide(file, at, text);

  it("puts start guides first, end guides last, and appends an extending guide to its section", () => {
    const merged = mergeGuides(intro, [
      g("a.md", "start", "## Getting started\nstep 1\n"),
      g("b.md", "extend", "## Daily request quota\n### Budget\nmore\n"),
      g("c.md", "end", "## CLI\ncommands\n"),
    ]);
    expect(merged.match(/^## .+/gm)).toEqual(["## Getting started", "## Base URL", "## Daily request quota", "## Pagination", "## CLI"]);
    expect(merged).toContain("## Daily request quota\nThe limit.\n\n### Budget\nmore\n\n## Pagination");
    expect(merged.startsWith("Lead.\n\n## Getting started\nstep 1\n")).toBe(true);
  });

  it("refuses a guide that extends a section the introduction lacks, or holds two sections", () => {
    expect(() => mergeGuides(intro, [g("q.md", "extend", "## Quotas\nx\n")])).toThrow(/q\.md.*"## Quotas"/);
    expect(() => g("two.md", "start", "## One\na\n## Two\nb\n")).toThrow(/two\.md/);
    expect(() => g("none.md", "start", "no heading\n")).toThrow(/none\.md/);
  });

  it("are guide entries of the page: Getting started first, the quota budget in the quota guide, the CLI after the SDK", () => {
    expect(guides.map((g) => g.file)).toEqual([...GUIDE_FILES.map((g) => g.file), "(generated from the changesets)"]);
    const names = guideTags.map((t) => t.name);
    expect(names[0]).toBe("Getting started");
    expect(names.slice(-3)).toEqual(["Using the TypeScript SDK", "Using the command line", "Changelog"]);
    const quota = guideTags.find((t) => t.name === "Daily request quota")!;
    expect(quota.description).toMatch(/^Each account may make a limited number of calls per day/); // the spec's own text first
    for (const needle of ["createLimits", "@comm100-sdk/redis", "00:00 UTC", "retries included", "comm100.quota"]) {
      expect(quota.description, needle).toContain(needle);
    }
  });

  it("link only to guides and operations that exist", () => {
    const anchor = (name: string) => name.replace(/ /g, "-");
    const tagAnchors = new Set(decorated.tags.map((t: Tag) => `tag/${anchor(t.name)}`));
    const operationIds = new Set<string>();
    for (const item of Object.values<Record<string, { operationId?: string }>>(decorated.paths)) {
      for (const op of Object.values(item)) if (op?.operationId) operationIds.add(`operation/${op.operationId}`);
    }
    const links = guides.flatMap((x) => [...x.body.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!));
    expect(links.length).toBeGreaterThan(5);
    const broken = links.filter((l) => !tagAnchors.has(l) && !operationIds.has(l));
    expect(broken).toEqual([]);
  });

  it("code blocks are what the build wrote for the type-check (.tmp/guides)", () => {
    const dir = join(samplesPath, "..", "guides");
    expect(readdirSync(dir).sort()).toEqual(blocks.map((b) => b.name).sort());
    for (const b of blocks) expect(readFileSync(join(dir, b.name), "utf8"), b.name).toBe(b.source);
  });
});

/** Transpiles a guide's TypeScript (types are checked by samples.test.ts) and runs it with node. */
function runExample(name: string, source: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const dir = join(pkgDir, ".tmp", "run"); // inside the package, so its imports resolve
  mkdirSync(dir, { recursive: true });
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = join(dir, name.replace(/\.ts$/, ".mjs"));
  writeFileSync(file, js);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (b) => (out += b));
    child.stderr.on("data", (b) => (out += b));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, out }));
  });
}

const block = (name: string) => {
  const b = blocks.find((x) => x.name === name);
  if (!b) throw new Error(`no code block ${name}`);
  return b.source;
};
/** The example as printed, with its server swapped for the mock. */
const onMock = (source: string, url: string) => {
  const swapped = source
    .replace('baseUrl: "http://127.0.0.1:4010/api/v1"', `baseUrl: ${JSON.stringify(url)}`)
    .replace('domain: "hosted.comm100.com"', `baseUrl: ${JSON.stringify(url)}`);
  if (!swapped.includes(url)) throw new Error("the example names neither the mock's base URL nor hosted.comm100.com");
  return swapped;
};

describe("the guides' examples, run", () => {
  let mock: Awaited<ReturnType<typeof createMockServer>>;
  let requests = 0;
  beforeAll(async () => {
    mock = await createMockServer({ onRequest: () => void requests++ });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it("getting started: the first call answers from the mock", { timeout: 60_000 }, async () => {
    expect(block("getting-started-1.ts")).toContain('baseUrl: "http://127.0.0.1:4010/api/v1"');
    const r = await runExample("getting-started-1.ts", onMock(block("getting-started-1.ts"), mock.url), {});
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("status: 'online'");
    expect(r.out).toContain(mock.snapshot().data!.agents[0]!.email); // the mock's seeded agents
  });

  it("quota, one process: counts exactly the requests the server saw", { timeout: 60_000 }, async () => {
    const before = requests;
    const r = await runExample("quota-1.ts", onMock(block("quota-1.ts"), mock.url), { COMM100_API_KEY: "mock-api-key" });
    expect(r.code, r.out).toBe(0);
    const m = /(\d+) of 8000 calls today; the count restarts at (\S+)/.exec(r.out); // 10,000 x share 0.8
    expect(m, r.out).not.toBeNull();
    const sent = requests - before;
    expect(sent).toBeGreaterThan(0);
    expect(Number(m![1])).toBe(sent);
    expect(m![2]).toMatch(/T00:00:00\.000Z$/);
  });

  describe("quota, several processes on one Redis", () => {
    let redis: TestRedis | undefined;
    afterAll(async () => {
      await redis?.stop();
    });

    it("three workers share one count", { timeout: 90_000 }, async () => {
      redis = await startRedis();
      const source = onMock(block("quota-2.ts"), mock.url);
      const before = requests;
      const runs = await Promise.all(
        [1, 2, 3].map((i) => runExample(`quota-2-worker${i}.ts`, source, { COMM100_API_KEY: "mock-api-key", REDIS_URL: redis!.url })),
      );
      for (const r of runs) expect(r.code, r.out).toBe(0);
      const used = runs.map((r) => Number(/the group has used (\d+)/.exec(r.out)?.[1]));
      expect(requests - before).toBe(3);
      // Each worker sees the group's count after its own call: 1, 2 and 3 in some order.
      expect(used.sort()).toEqual([1, 2, 3]);
    });
  });
});
