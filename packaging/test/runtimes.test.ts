// The ESM build of @comm100-sdk/client beyond Node: headless Chromium (Debian's /usr/bin/chromium
// driven by playwright-core), Deno and Bun (their npm-distributed binaries, devDependencies of this
// workspace) each load the client from a project that installed the packed tarballs, and call a
// mock server that this test starts on 127.0.0.1: agents.list(), a request-style GET and a typed
// 401 (asked for with `Prefer: code=401`). Nothing may leave 127.0.0.1.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { createMockServer, type MockServer } from "@comm100-sdk/mock-server";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from "@comm100-sdk/test-browser";

const require = createRequire(import.meta.url);

/** Where the tarballs are installed, as a user's project would have them. */
let dir: string;
let mock: MockServer;

// What every runtime runs, as the body of an async function with `createComm100Client`,
// `Comm100ApiError` and `baseUrl` in scope; it returns the result the test checks.
const BODY = `
  const comm100 = createComm100Client({ baseUrl, email: "agent@example.com", apiKey: "not-a-real-key" });
  const agents = await comm100.agents.list();
  const { data, error, response } = await comm100.GET("/livechat/operators");
  let unauthorized = null;
  try {
    await comm100.agents.list(undefined, { headers: { Prefer: "code=401" } });
  } catch (e) {
    unauthorized = { isApiError: e instanceof Comm100ApiError, status: e.status };
  }
  return {
    resolved: import.meta.resolve("@comm100-sdk/client"),
    status: response.status,
    error: error ?? null,
    requestStyle: Array.isArray(data) ? data.length : -1,
    resourceStyle: Array.isArray(agents) ? agents.length : -1,
    firstEmail: Array.isArray(agents) && agents[0] ? typeof agents[0].email : null,
    unauthorized,
  };
`;

function expectWorkingClient(r: any) {
  expect(r.error ?? null, `the runtime threw: ${r.thrown ?? ""}`).toBeNull();
  expect(r.thrown).toBeUndefined();
  expect(r.resolved).toMatch(/\/@comm100-sdk\/client\/dist\/index\.js$/);
  expect(r.status).toBe(200);
  expect(r.requestStyle).toBeGreaterThan(0);
  expect(r.resourceStyle).toBe(r.requestStyle);
  expect(r.firstEmail).toBe("string");
  expect(r.unauthorized).toEqual({ isApiError: true, status: 401 });
}

/** The last line a script prints is its JSON result. */
const lastJson = (out: string) => JSON.parse(out.trim().split("\n").at(-1)!);

beforeAll(async () => {
  const tarballs = inject("tarballs");
  dir = join(inject("workDir"), "runtimes");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "runtimes", private: true, version: "0.0.0", type: "module" }, null, 2));
  execFileSync(
    "npm",
    ["install", tarballs["@comm100-sdk/client"]!, tarballs["@comm100-sdk/types"]!, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
    { cwd: dir, stdio: "pipe", timeout: 240_000 },
  );
  mock = await createMockServer({ port: 0 });
  expect(new URL(mock.url).hostname).toBe("127.0.0.1");
}, 300_000);

afterAll(async () => {
  await mock?.close();
});

// ---------------------------------------------------------------------------------------------
// Headless Chromium
// ---------------------------------------------------------------------------------------------

/** The ESM file a browser gets for a package: its `exports["."].import` (or `.default`). */
function esmEntry(pkgDir: string): string {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  let entry = pkg.exports?.["."]?.import ?? pkg.exports?.["."]?.default ?? pkg.module;
  if (entry && typeof entry === "object") entry = entry.default;
  if (typeof entry !== "string") throw new Error(`${pkgDir}: no ESM entry in package.json`);
  return join(pkgDir, entry);
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".map": "application/json" };

/** Serves `root` on 127.0.0.1, plus the page at "/". */
function staticServer(root: string, page: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
      return;
    }
    const file = resolve(root, `.${path}`);
    if (!file.startsWith(root + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok(server));
  });
}

describe("headless Chromium", () => {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let setupError: Error | undefined;
  let origin: string;
  const external: string[] = [];
  const loopback: string[] = [];

  beforeAll(async () => {
    try {
      assertChromium();
      const urlOf = (file: string) => `/${relative(dir, file).split(sep).join("/")}`;
      const clientDir = join(dir, "node_modules/@comm100-sdk/client");
      const fetchDir = dirname(createRequire(join(clientDir, "package.json")).resolve("openapi-fetch/package.json"));
      const importMap = { imports: { "@comm100-sdk/client": urlOf(esmEntry(clientDir)), "openapi-fetch": urlOf(esmEntry(fetchDir)) } };
      const page = `<!doctype html>
<meta charset="utf-8">
<title>client smoke test</title>
<script type="importmap">${JSON.stringify(importMap)}</script>
<script type="module">
import { createComm100Client, Comm100ApiError } from "@comm100-sdk/client";
const baseUrl = new URLSearchParams(location.search).get("api");
(async () => {${BODY}})().then(
  (r) => { window.__smoke = r; },
  (e) => { window.__smoke = { thrown: String(e && e.stack || e) }; },
);
</script>`;
      server = await staticServer(dir, page);
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
      });
    } catch (err) {
      // Reported by every test below (so each counts as failed), not only as a hook error.
      setupError = err as Error;
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  });

  it("loads the ESM build through an import map and calls the mock server; nothing leaves 127.0.0.1", async () => {
    if (setupError) throw setupError;
    const context = await browser!.newContext();
    try {
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (/^(data|blob):/.test(url)) return route.continue();
        if (new URL(url).hostname === "127.0.0.1") {
          loopback.push(url);
          return route.continue();
        }
        external.push(url);
        return route.abort("blockedbyclient");
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
      await page.goto(`${origin}/?api=${encodeURIComponent(mock.url)}`, { waitUntil: "load" });
      const handle = await page
        .waitForFunction(() => (window as any).__smoke, undefined, { timeout: 30_000 })
        .catch((e) => {
          throw new Error(`the page reported no result (${e.message}); ${problems.join("; ")}`);
        });
      const r = await handle.jsonValue();
      expect(r.resolved).toBe(`${origin}${new URL(r.resolved).pathname}`);
      expectWorkingClient(r);
      // The page, the two modules, and the API calls, all on 127.0.0.1.
      const api = new URL(mock.url);
      expect(loopback.filter((u) => new URL(u).host === api.host).length).toBeGreaterThanOrEqual(3);
      expect(external).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Deno and Bun, from their npm packages
// ---------------------------------------------------------------------------------------------

/**
 * The binary inside a runtime's platform package. `deno` and `bun` link their binary in a
 * postinstall script that pnpm does not run (and bun's can fall back to a download), so the test
 * runs the platform package's binary directly.
 */
function runtimeBinary(pkg: "deno" | "bun"): string {
  const key = `${process.platform}-${process.arch}`;
  const platforms: Record<string, Record<string, [string, string]>> = {
    deno: {
      "linux-x64": ["@deno/linux-x64-glibc", "deno"],
      "linux-arm64": ["@deno/linux-arm64-glibc", "deno"],
      "darwin-x64": ["@deno/darwin-x64", "deno"],
      "darwin-arm64": ["@deno/darwin-arm64", "deno"],
    },
    bun: {
      "linux-x64": ["@oven/bun-linux-x64", "bin/bun"],
      "linux-arm64": ["@oven/bun-linux-aarch64", "bin/bun"],
      "darwin-x64": ["@oven/bun-darwin-x64", "bin/bun"],
      "darwin-arm64": ["@oven/bun-darwin-aarch64", "bin/bun"],
    },
  };
  const found = platforms[pkg]![key];
  if (!found) throw new Error(`no ${pkg} platform package known for ${key}`);
  const [platformPkg, bin] = found;
  const fromPkg = createRequire(require.resolve(`${pkg}/package.json`));
  let pkgDir: string;
  try {
    pkgDir = dirname(fromPkg.resolve(`${platformPkg}/package.json`));
  } catch {
    throw new Error(`${platformPkg} (the ${pkg} binary for ${key}) is not installed: run pnpm install`);
  }
  return join(pkgDir, bin);
}

function runScript(bin: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((ok, fail) => {
    execFile(bin, args, { cwd: dir, encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1", DO_NOT_TRACK: "1", ...env } }, (err, stdout, stderr) => {
      if (err) fail(new Error(`${bin} ${args.join(" ")} failed: ${err.message}\n${stdout}${stderr}`));
      else ok(stdout);
    });
  });
}

// Every fetch is counted (installed before the client is created): one to anywhere but 127.0.0.1
// is refused and recorded. Deno's --allow-net=127.0.0.1 refuses any other connection as well.
const SCRIPT = (argv: string) => `import { createComm100Client, Comm100ApiError } from "@comm100-sdk/client";
const baseUrl = ${argv};
const external = [];
let loopback = 0;
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== "127.0.0.1") {
    external.push(url.href);
    return Promise.reject(new TypeError("blocked: " + url.href));
  }
  loopback++;
  return realFetch(input, init);
};
const result = await (async () => {${BODY}})();
console.log(JSON.stringify({ ...result, external, loopback }));
`;

function expectOnlyLoopback(r: any) {
  expect(r.external).toEqual([]);
  // agents.list, the request-style GET and the 401 went through the counted fetch.
  expect(r.loopback).toBeGreaterThanOrEqual(3);
}

// A registry no package may be fetched from: a runtime that tried to install would fail here.
const NO_REGISTRY = "http://127.0.0.1:9/";

describe("Deno", () => {
  it("runs the ESM build from node_modules with network access to 127.0.0.1 only", async () => {
    const deno = runtimeBinary("deno");
    expect(execFileSync(deno, ["--version"], { encoding: "utf8" })).toMatch(/^deno 2\./);
    writeFileSync(join(dir, "deno-smoke.mjs"), SCRIPT("Deno.args[0]"));
    const out = await runScript(
      deno,
      ["run", "--node-modules-dir=manual", "--no-lock", "--no-prompt", "--allow-net=127.0.0.1", "--allow-read", "deno-smoke.mjs", mock.url],
      { DENO_DIR: join(dir, ".deno"), DENO_NO_UPDATE_CHECK: "1", NPM_CONFIG_REGISTRY: NO_REGISTRY },
    );
    expectWorkingClient(lastJson(out));
    expectOnlyLoopback(lastJson(out));
  });
});

describe("Bun", () => {
  it("runs the ESM build from node_modules", async () => {
    const bun = runtimeBinary("bun");
    expect(execFileSync(bun, ["--version"], { encoding: "utf8" })).toMatch(/^1\./);
    writeFileSync(join(dir, "bun-smoke.mjs"), SCRIPT("process.argv[2]"));
    const out = await runScript(bun, ["run", "--no-install", "bun-smoke.mjs", mock.url], {
      BUN_INSTALL_CACHE_DIR: join(dir, ".bun-cache"),
      BUN_CONFIG_REGISTRY: NO_REGISTRY,
    });
    expectWorkingClient(lastJson(out));
    expectOnlyLoopback(lastJson(out));
  });
});
