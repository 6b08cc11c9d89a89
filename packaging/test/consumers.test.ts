// Consumer projects outside the workspace install the packed tarballs with npm (the packages'
// own dependencies such as openapi-fetch come from npm's cache or the registry, as for a user)
// and call a mock server on 127.0.0.1 through ESM import, CJS require, and TypeScript projects
// with node16 and bundler resolution that are type-checked, compiled and run.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";

const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");
const TYPES_NODE_VERSION: string = require("@types/node/package.json").version;

let dir: string;

const write = (file: string, text: string) => {
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
};
const run = (args: string[], cwd = dir) =>
  execFileSync(process.execPath, args, { cwd, encoding: "utf8", timeout: 120_000, env: { ...process.env, NODE_OPTIONS: "" } });
function tsc(project: string) {
  try {
    execFileSync(process.execPath, [TSC, "-p", project], { cwd: dir, encoding: "utf8", timeout: 240_000 });
  } catch (e: any) {
    throw new Error(`tsc -p ${project} failed:\n${e.stdout}${e.stderr}`);
  }
}
/** The last line a consumer prints is its JSON result. */
const result = (out: string) => JSON.parse(out.trim().split("\n").at(-1)!);

// What each consumer does, in JavaScript; the TypeScript consumers add types on top.
const BODY = `
  const server = await createMockServer({ port: 0 });
  try {
    const comm100 = createComm100Client({ baseUrl: server.url, email: "agent@example.com", apiKey: "mock-api-key" });
    const { data, error, response } = await comm100.GET("/livechat/operators");
    const agents = await comm100.agents.list();
    let unauthorized = null;
    try {
      await createComm100Client({ baseUrl: server.url, email: "agent@example.com", apiKey: " " }).agents.list();
    } catch (e) {
      unauthorized = { isApiError: e instanceof Comm100ApiError, status: e.status };
    }
    console.log(JSON.stringify({
      status: response.status,
      error: error ?? null,
      requestStyle: Array.isArray(data) ? data.length : -1,
      resourceStyle: Array.isArray(agents) ? agents.length : -1,
      unauthorized,
      loopback: new URL(server.url).hostname,
    }));
  } finally {
    await server.close();
  }
`;

function expectWorkingConsumer(out: string) {
  const r = result(out);
  expect(r.loopback).toBe("127.0.0.1");
  expect(r.status).toBe(200);
  expect(r.error).toBeNull();
  expect(r.requestStyle).toBeGreaterThan(0);
  expect(r.resourceStyle).toBe(r.requestStyle);
  expect(r.unauthorized).toEqual({ isApiError: true, status: 401 });
}

beforeAll(() => {
  const tarballs = inject("tarballs");
  dir = join(inject("workDir"), "consumer");
  write(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, version: "0.0.0" }, null, 2));
  // One install for every consumer: the tarballs plus @types/node at the version the workspace pins.
  execFileSync(
    "npm",
    [
      "install",
      ...Object.values(tarballs),
      `@types/node@${TYPES_NODE_VERSION}`,
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--loglevel=error",
    ],
    { cwd: dir, stdio: "pipe", timeout: 240_000 },
  );
}, 300_000);

describe("plain JavaScript consumers", () => {
  it("ESM: import resolves the ESM build and calls the mock server", () => {
    write(
      join(dir, "esm/index.mjs"),
      `import { createComm100Client, Comm100ApiError } from "@comm100-sdk/client";
import { createMockServer } from "@comm100-sdk/mock-server";
const resolved = [import.meta.resolve("@comm100-sdk/client"), import.meta.resolve("@comm100-sdk/mock-server")];
if (!resolved.every((u) => u.endsWith(".js"))) throw new Error("not the ESM build: " + resolved);
${BODY}`,
    );
    expectWorkingConsumer(run(["esm/index.mjs"]));
  });

  it("CJS: require resolves the CJS build and calls the mock server", () => {
    write(
      join(dir, "cjs/index.cjs"),
      `const { createComm100Client, Comm100ApiError } = require("@comm100-sdk/client");
const { createMockServer } = require("@comm100-sdk/mock-server");
const resolved = [require.resolve("@comm100-sdk/client"), require.resolve("@comm100-sdk/mock-server")];
if (!resolved.every((f) => f.endsWith(".cjs"))) throw new Error("not the CJS build: " + resolved);
(async () => {${BODY}})().catch((e) => { console.error(e); process.exit(1); });`,
    );
    expectWorkingConsumer(run(["cjs/index.cjs"]));
  });

  it("the spec package exposes the bundled document as JSON and YAML", () => {
    write(
      join(dir, "spec/index.cjs"),
      `const spec = require("@comm100-sdk/openapi/openapi.json");
const fs = require("node:fs");
const yaml = fs.readFileSync(require.resolve("@comm100-sdk/openapi/openapi.yaml"), "utf8");
const version = require("@comm100-sdk/openapi/package.json").version;
console.log(JSON.stringify({ openapi: spec.openapi, paths: Object.keys(spec.paths).length, yaml: yaml.startsWith("openapi:"), version }));`,
    );
    const r = result(run(["spec/index.cjs"]));
    expect(r.openapi).toMatch(/^3\.1\./);
    expect(r.paths).toBeGreaterThan(0);
    expect(r.yaml).toBe(true);
    expect(r.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("the comm100-mock bin serves the API on 127.0.0.1", async () => {
    const child = spawn(join(dir, "node_modules/.bin/comm100-mock"), ["--port", "0", "--quiet"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        const timer = setTimeout(() => reject(new Error(`comm100-mock printed no URL: ${out}`)), 30_000);
        child.stdout.on("data", (b) => {
          out += b;
          const m = /(http:\/\/127\.0\.0\.1:\d+\S*)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.stderr.on("data", (b) => (out += b));
        child.on("exit", (code) => reject(new Error(`comm100-mock exited ${code}: ${out}`)));
      });
      const auth = `Basic ${Buffer.from("agent@example.com:mock-api-key", "utf8").toString("base64")}`;
      const ok = await fetch(`${url}/livechat/operators`, { headers: { authorization: auth } });
      expect(ok.status).toBe(200);
      expect(Array.isArray(await ok.json())).toBe(true);
      const denied = await fetch(`${url}/livechat/operators`);
      expect(denied.status).toBe(401);
    } finally {
      child.kill();
    }
  });
});

// Typed checks shared by the TypeScript consumers: a wrong path or a wrong argument must be a
// type error, so these projects prove the types resolve to something real (not `any`).
const TS_BODY = `
  const server: MockServer = await createMockServer({ port: 0 });
  try {
    const comm100 = createComm100Client({ baseUrl: server.url, email: "agent@example.com", apiKey: "mock-api-key" });
    const { data, error, response } = await comm100.GET("/livechat/operators");
    const agents: AgentList = await comm100.agents.list();
    const first: string | undefined = agents[0]?.email;
    // @ts-expect-error unknown path
    void (() => comm100.GET("/livechat/no-such-path"));
    // @ts-expect-error the email path parameter is required
    void (() => comm100.GET("/livechat/operators/{email}", { params: { path: {} } }));
    type Paths = keyof paths;
    const somePath: Paths = "/livechat/operators";
    let unauthorized: { isApiError: boolean; status: number } | null = null;
    try {
      await createComm100Client({ baseUrl: server.url, email: "agent@example.com", apiKey: " " }).agents.list();
    } catch (e) {
      unauthorized = { isApiError: e instanceof Comm100ApiError, status: e instanceof Comm100ApiError ? e.status : -1 };
    }
    console.log(JSON.stringify({
      status: response.status,
      error: error ?? null,
      requestStyle: Array.isArray(data) ? data.length : -1,
      resourceStyle: agents.length,
      unauthorized,
      loopback: new URL(server.url).hostname,
      first: typeof first,
      somePath,
    }));
  } finally {
    await server.close();
  }
`;
const TS_IMPORTS = (ext: string) => `import { createComm100Client, Comm100ApiError } from "@comm100-sdk/client";
import type { paths, operations } from "@comm100-sdk/types";
import { createMockServer, type MockServer } from "@comm100-sdk/mock-server";
type AgentList = operations["listAgents"]["responses"][200]["content"]["application/json"];
export const kind${ext} = true;
`;

describe("TypeScript consumers", () => {
  it("node16 resolution: an ESM (.mts) and a CJS (.cts) file type-check, compile and run", () => {
    const base = join(dir, "ts-node16");
    write(join(base, "package.json"), JSON.stringify({ private: true }));
    write(
      join(base, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "node16",
          moduleResolution: "node16",
          target: "es2022",
          strict: true,
          skipLibCheck: false,
          types: ["node"],
          outDir: "out",
          rootDir: "src",
        },
        include: ["src"],
      }),
    );
    write(join(base, "src/esm.mts"), `${TS_IMPORTS("Esm")}\n${TS_BODY}`);
    write(
      join(base, "src/cjs.cts"),
      `${TS_IMPORTS("Cjs")}\nasync function main() {${TS_BODY}}\nmain().catch((e) => { console.error(e); process.exit(1); });\n`,
    );
    tsc("ts-node16/tsconfig.json");
    expect(readFileSync(join(base, "out/cjs.cjs"), "utf8")).toContain('require("@comm100-sdk/client")');
    expectWorkingConsumer(run(["ts-node16/out/esm.mjs"]));
    expectWorkingConsumer(run(["ts-node16/out/cjs.cjs"]));
  });

  it("bundler resolution: type-checks, compiles and runs", () => {
    const base = join(dir, "ts-bundler");
    write(join(base, "package.json"), JSON.stringify({ private: true, type: "module" }));
    write(
      join(base, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "esnext",
          moduleResolution: "bundler",
          target: "es2022",
          strict: true,
          // the node16 project above checks the shipped .d.ts/.d.cts themselves (skipLibCheck
          // false); this one is about bundler resolution and the consumer's own code
          skipLibCheck: true,
          types: ["node"],
          outDir: "out",
          rootDir: "src",
        },
        include: ["src"],
      }),
    );
    write(join(base, "src/index.ts"), `${TS_IMPORTS("Bundler")}\n${TS_BODY}`);
    tsc("ts-bundler/tsconfig.json");
    expectWorkingConsumer(run(["ts-bundler/out/index.js"]));
  });
});
