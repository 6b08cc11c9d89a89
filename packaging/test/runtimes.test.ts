// The runtime matrix: the packed @comm100-sdk/client, installed with npm into a project outside
// the workspace, runs the same smoke script (test/smoke-script.ts) against one mock server on
// 127.0.0.1 in every runtime the client claims: each pinned Node (ESM and CJS), Deno, Bun,
// headless Chromium, workerd (a Cloudflare Worker) and edge-runtime. One suite per runtime, named
// with its version; the suites run concurrently (each runtime is a child process or a browser).
// Every binary comes from an npm package pinned in the lockfile (test/runtime-binaries.ts), except
// Chromium, which is Debian's. Nothing may leave 127.0.0.1.
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { createMockServer, type MockServer } from "@comm100-sdk/mock-server";
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from "@comm100-sdk/test-browser";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chromiumName, edgeRuntimeEntry, NODES, runtimeBinary, runtimeVersion } from "./runtime-binaries.js";
import { bundleEntry, CJS_ENTRY, cjsScript, ESM_ENTRY, esmScript, expectWorkingClient, lastJson, SMOKE_BODY } from "./smoke-script.js";

/** Where the tarballs are installed, as a user's project would have them. */
let dir: string;
let mock: MockServer;

// A registry no package may be fetched from: a runtime that tried to install would fail here.
const NO_REGISTRY = "http://127.0.0.1:9/";
// Generous: a script takes about a second alone, several on a loaded 2-core machine.
const RUN_TIMEOUT = 120_000;

beforeAll(async () => {
  const tarballs = inject("tarballs");
  dir = join(inject("workDir"), "runtimes");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "runtimes", private: true, version: "0.0.0", type: "module" }, null, 2));
  execFileSync(
    "npm",
    [
      "install",
      tarballs["@comm100-sdk/client"]!,
      tarballs["@comm100-sdk/types"]!,
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--loglevel=error",
    ],
    { cwd: dir, stdio: "pipe", timeout: 240_000 },
  );
  // Every script is written once, here: the suites run concurrently.
  writeFileSync(join(dir, "node-smoke.mjs"), esmScript("process.argv[2]", ", version: process.version"));
  writeFileSync(join(dir, "node-smoke.cjs"), cjsScript("process.argv[2]", ", version: process.version"));
  // Stateless: the smoke scripts check the client against the documented answers, any credentials.
  mock = await createMockServer({ port: 0, stateless: true });
  expect(new URL(mock.url).hostname).toBe("127.0.0.1");
}, 300_000);

afterAll(async () => {
  await mock?.close();
});

function runScript(bin: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((ok, fail) => {
    execFile(
      bin,
      args,
      {
        cwd: dir,
        encoding: "utf8",
        timeout: RUN_TIMEOUT,
        env: { ...process.env, NODE_OPTIONS: "", NO_COLOR: "1", DO_NOT_TRACK: "1", ...env },
      },
      (err, stdout, stderr) => {
        if (err) fail(new Error(`${bin} ${args.join(" ")} failed: ${err.message}\n${stdout}${stderr}`));
        else ok(stdout);
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Node, every pinned major
// ---------------------------------------------------------------------------------------------

for (const node of NODES) {
  describe.concurrent(`Node ${node.version}`, () => {
    it("ESM: import loads dist/index.js and calls the mock server", async () => {
      const r = lastJson(await runScript(node.path(), ["node-smoke.mjs", mock.url]));
      expect(r.version).toBe(`v${node.version}`);
      expectWorkingClient(r, ESM_ENTRY);
    });

    it("CJS: require loads dist/index.cjs and calls the mock server", async () => {
      const r = lastJson(await runScript(node.path(), ["node-smoke.cjs", mock.url]));
      expect(r.version).toBe(`v${node.version}`);
      expectWorkingClient(r, CJS_ENTRY);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Deno and Bun, from their npm packages
// ---------------------------------------------------------------------------------------------

describe.concurrent(`Deno ${runtimeVersion("deno")}`, () => {
  it("runs the ESM build from node_modules with network access to 127.0.0.1 only", async () => {
    const deno = runtimeBinary("deno");
    writeFileSync(join(dir, "deno-smoke.mjs"), esmScript("Deno.args[0]", ", version: Deno.version.deno"));
    // Deno's --allow-net=127.0.0.1 refuses any other connection as well.
    const out = await runScript(
      deno,
      ["run", "--node-modules-dir=manual", "--no-lock", "--no-prompt", "--allow-net=127.0.0.1", "--allow-read", "deno-smoke.mjs", mock.url],
      { DENO_DIR: join(dir, ".deno"), DENO_NO_UPDATE_CHECK: "1", NPM_CONFIG_REGISTRY: NO_REGISTRY },
    );
    const r = lastJson(out);
    expect(r.version).toBe(runtimeVersion("deno"));
    expectWorkingClient(r, ESM_ENTRY);
  });
});

describe.concurrent(`Bun ${runtimeVersion("bun")}`, () => {
  it("runs the ESM build from node_modules", async () => {
    const bun = runtimeBinary("bun");
    writeFileSync(join(dir, "bun-smoke.mjs"), esmScript("process.argv[2]", ", version: Bun.version"));
    const out = await runScript(bun, ["run", "--no-install", "bun-smoke.mjs", mock.url], {
      BUN_INSTALL_CACHE_DIR: join(dir, ".bun-cache"),
      BUN_CONFIG_REGISTRY: NO_REGISTRY,
    });
    const r = lastJson(out);
    expect(r.version).toBe(runtimeVersion("bun"));
    expectWorkingClient(r, ESM_ENTRY);
  });
});

// ---------------------------------------------------------------------------------------------
// workerd and edge-runtime: no node_modules resolution, so the client is bundled first (esbuild,
// with the conditions their own tooling uses); the bundle's input names the file it took.
// ---------------------------------------------------------------------------------------------

/** Bundles `entry` (written to dir) and returns the client entry file the bundle took. */
async function bundle(
  entry: string,
  text: string,
  out: string,
  options: { format: "esm" | "iife"; conditions: string[]; globalName?: string },
): Promise<string> {
  writeFileSync(join(dir, entry), text);
  const result = await build({
    entryPoints: [join(dir, entry)],
    outfile: join(dir, out),
    bundle: true,
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2022",
    logLevel: "silent",
    metafile: true,
    ...options,
  });
  // the ESM entry and the chunks it shares with the ./request entry: no CJS file, one entry file
  const inputs = Object.keys(result.metafile.inputs).filter((f) => f.includes("@comm100-sdk/client/"));
  expect(inputs.filter((f) => !/\/dist\/(index|chunk-[A-Z0-9]+)\.js$/.test(f))).toEqual([]);
  const entries = inputs.filter((f) => f.endsWith("/dist/index.js"));
  expect(entries).toHaveLength(1);
  return `/${entries[0]}`;
}

/** A free port on 127.0.0.1 for a server that cannot report the one it got (workerd). */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createNetServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });
}

// The Worker's outbound fetches go through a network service that allows local addresses (the
// default allows public ones only, and the mock server is on 127.0.0.1).
const WORKERD_CONFIG = (port: number) => `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smokeWorker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);

const smokeWorker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker-bundle.mjs")],
  compatibilityDate = "2026-11-01",
  globalOutbound = "loopback",
);
`;

const WORKER = `${bundleEntry}
export default {
  async fetch(request) {
    const api = new URL(request.url).searchParams.get("api");
    try {
      return Response.json(await smoke(api));
    } catch (e) {
      return Response.json({ thrown: String((e && e.stack) || e) });
    }
  },
};
`;

describe.concurrent(`workerd ${runtimeVersion("workerd")}`, () => {
  it("runs the bundled ESM build as a Cloudflare Worker", async () => {
    const workerd = runtimeBinary("workerd");
    const resolved = await bundle("worker-entry.mjs", WORKER, "worker-bundle.mjs", {
      format: "esm",
      conditions: ["workerd", "worker", "browser"],
    });
    // The port is picked before workerd binds it: if another process takes it first, workerd
    // exits at once, and a new port is tried.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      writeFileSync(join(dir, "workerd.capnp"), WORKERD_CONFIG(port));
      const child = spawn(workerd, ["serve", "workerd.capnp"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
      let log = "";
      child.stdout.on("data", (b) => (log += b));
      child.stderr.on("data", (b) => (log += b));
      const exited = new Promise<never>((_, fail) =>
        child.once("exit", (code) => fail(new WorkerdExited(`workerd exited ${code}: ${log}`))),
      );
      try {
        const r = await Promise.race([exited, askUntilUp(`http://127.0.0.1:${port}/?api=${encodeURIComponent(mock.url)}`, child)]);
        expectWorkingClient({ ...r, resolved }, ESM_ENTRY);
        return;
      } catch (e) {
        if (!(e instanceof WorkerdExited) || attempt === 3) throw e;
      } finally {
        child.kill();
      }
    }
  });
});

class WorkerdExited extends Error {}

/** GETs `url` until the server answers (workerd needs a moment to listen), then returns its JSON; stops when `child` has ended. */
async function askUntilUp(url: string, child: ChildProcess): Promise<any> {
  const deadline = Date.now() + RUN_TIMEOUT;
  for (;;) {
    try {
      const res = await fetch(url);
      return await res.json();
    } catch (e) {
      if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe.concurrent(`edge-runtime ${runtimeVersion("edge-runtime")}`, () => {
  it("runs the bundled ESM build in the Edge Runtime's VM", async () => {
    const resolved = await bundle("edge-entry.mjs", bundleEntry, "edge-bundle.js", {
      format: "iife",
      globalName: "__smoke",
      conditions: ["edge-light", "worker", "browser"],
    });
    // Run by the machine's node in a child process, so the VM has a process of its own.
    writeFileSync(
      join(dir, "edge-smoke.mjs"),
      `import { readFileSync } from "node:fs";
import { EdgeRuntime } from ${JSON.stringify(pathToFileURL(edgeRuntimeEntry()).href)};
const runtime = new EdgeRuntime({ initialCode: readFileSync("edge-bundle.js", "utf8") });
const result = await runtime.evaluate("__smoke.smoke(" + JSON.stringify(process.argv[2]) + ")");
console.log(JSON.stringify({ ...result, edgeRuntime: runtime.evaluate("typeof EdgeRuntime") }));
`,
    );
    const r = lastJson(await runScript(process.execPath, ["edge-smoke.mjs", mock.url]));
    expect(r.edgeRuntime).toBe("string");
    expectWorkingClient({ ...r, resolved }, ESM_ENTRY);
  });
});

// ---------------------------------------------------------------------------------------------
// Headless Chromium (Debian's, driven by playwright-core; never a downloaded browser)
// ---------------------------------------------------------------------------------------------

/** The ESM file a browser gets for a package: its `exports["."].import` (or `.default`). */
function esmEntry(pkgDir: string): string {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  let entry = pkg.exports?.["."]?.import ?? pkg.exports?.["."]?.default ?? pkg.module;
  if (entry && typeof entry === "object") entry = entry.default;
  if (typeof entry !== "string") throw new Error(`${pkgDir}: no ESM entry in package.json`);
  return join(pkgDir, entry);
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".map": "application/json",
};

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

/** A page whose import map points the client and openapi-fetch at their installed ESM files. */
function smokePage(): string {
  const urlOf = (file: string) => `/${relative(dir, file).split(sep).join("/")}`;
  const clientDir = join(dir, "node_modules/@comm100-sdk/client");
  const fetchDir = dirname(createRequire(join(clientDir, "package.json")).resolve("openapi-fetch/package.json"));
  const importMap = { imports: { "@comm100-sdk/client": urlOf(esmEntry(clientDir)), "openapi-fetch": urlOf(esmEntry(fetchDir)) } };
  return `<!doctype html>
<meta charset="utf-8">
<title>client smoke test</title>
<script type="importmap">${JSON.stringify(importMap)}</script>
<script type="module">
import { createComm100Client, Comm100ApiError } from "@comm100-sdk/client";
const baseUrl = new URLSearchParams(location.search).get("api");
(async () => {${SMOKE_BODY}})().then(
  (r) => { window.__smoke = { ...r, resolved: import.meta.resolve("@comm100-sdk/client") }; },
  (e) => { window.__smoke = { thrown: String(e && e.stack || e) }; },
);
</script>`;
}

describe.concurrent(chromiumName(), () => {
  it("loads the ESM build through an import map and calls the mock server; nothing leaves 127.0.0.1", async () => {
    assertChromium();
    const server = await staticServer(dir, smokePage());
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const external: string[] = [];
    const loopback: string[] = [];
    try {
      const context = await browser.newContext();
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
        .waitForFunction(() => (window as any).__smoke, undefined, { timeout: RUN_TIMEOUT })
        .catch((e) => {
          throw new Error(`the page reported no result (${e.message}); ${problems.join("; ")}`);
        });
      const r = await handle.jsonValue();
      expect(r.resolved).toBe(`${origin}${new URL(r.resolved).pathname}`);
      expectWorkingClient(r, ESM_ENTRY);
      // The page, the two modules, and the API calls, all on 127.0.0.1, and nothing else.
      const api = new URL(mock.url);
      expect(loopback.filter((u) => new URL(u).host === api.host).length).toBeGreaterThanOrEqual(4);
      expect(external).toEqual([]);
    } finally {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    }
  });
});
