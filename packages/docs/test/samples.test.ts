// The code samples: generated for every operation from the spec's examples, curl encoded the way
// each operation declares, and every TypeScript sample compiles against @comm100-sdk/client.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { codeSamples, curlSample, decorateSpec, sampleInputs, samplesModule, typescriptSample } from "../scripts/lib/code-samples.mjs";
import { listOperations, loadSpec } from "@comm100-sdk/spec-reader";
import type { OperationSamples } from "../scripts/lib/code-samples.mjs";
import { decoratedPath, pkgDir, samplesPath, specPath } from "./paths.js";

const require = createRequire(import.meta.url);

// A small spec with the shapes the real one has: form body with a list, JSON array body,
// required report query parameters, path parameters with and without examples.
const mini = {
  openapi: "3.1.0",
  info: { title: "t", version: "1", description: "Intro." },
  servers: [{ url: "https://{domain}/api/v1", variables: { domain: { default: "hosted.comm100.com", enum: ["hosted.comm100.com"] } } }],
  tags: [{ name: "Departments" }, { name: "Visitors" }, { name: "Reports" }],
  paths: {
    "/livechat/departments/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" }, examples: { d: { value: 7 } } }],
      put: {
        tags: ["Departments"],
        operationId: "updateDepartment",
        requestBody: {
          required: true,
          content: {
            "application/x-www-form-urlencoded": {
              schema: {
                type: "object",
                properties: { name: { type: "string" }, members: { type: "array", items: { type: "integer" } } },
              },
              encoding: { members: { style: "form", explode: false } },
              example: { name: "Sales & Support", members: [1, 2, 3] },
            },
          },
        },
        responses: { "200": { description: "ok" } },
      },
    },
    "/livechat/visitors/{id}": {
      put: {
        tags: ["Visitors"],
        operationId: "updateVisitorCustomVariables",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "array",
                items: { type: "object", required: ["name", "value"], properties: { name: { type: "string" }, value: { type: "string" } } },
              },
              examples: { one: { value: [{ name: "plan", value: "gold" }] } },
            },
          },
        },
        responses: { "200": { description: "ok" } },
      },
    },
    "/livechat/reports/chatVolume": {
      get: {
        tags: ["Reports"],
        operationId: "getChatVolumeReport",
        parameters: [
          { name: "timeFrom", in: "query", required: true, schema: { type: "string" }, example: "2024-01-01T00:00:00" },
          { name: "timeTo", in: "query", required: true, schema: { type: "string", default: "2024-02-01T00:00:00" } },
          { name: "timezone", in: "query", required: false, schema: { type: "string" }, example: "+08:00" },
          { name: "group", in: "query", required: true, schema: { type: "string", enum: ["day", "week"] } },
          { name: "page", in: "query", required: false, schema: { type: "integer", default: 1 } },
        ],
        responses: { "200": { description: "ok" } },
      },
    },
  },
};

const byId = (spec: unknown, id: string) => {
  const op = listOperations(spec).find((o) => o.operationId === id);
  if (!op) throw new Error(`no operation ${id}`);
  return op;
};

describe("sample generator", () => {
  it("sends form bodies as fields with lists comma-joined, encoding what needs it", () => {
    const curl = curlSample(mini, byId(mini, "updateDepartment"));
    expect(curl).toContain('curl -X PUT -u "agent@example.com:$COMM100_API_KEY"');
    expect(curl).toContain("'https://hosted.comm100.com/api/v1/livechat/departments/7'");
    expect(curl).toContain("--data-urlencode 'name=Sales & Support'");
    expect(curl).toContain("-d 'members=1,2,3'");
    expect(curl).not.toContain("Content-Type: application/json");
  });

  it("sends JSON bodies with a Content-Type header and fills path placeholders", () => {
    const curl = curlSample(mini, byId(mini, "updateVisitorCustomVariables"));
    expect(curl).toContain("-H 'Content-Type: application/json'");
    expect(curl).toContain(`-d '[{"name":"plan","value":"gold"}]'`);
    expect(curl).toContain("/livechat/visitors/YOUR_ID'");
    const ts = typescriptSample(mini, byId(mini, "updateVisitorCustomVariables"));
    expect(ts).toContain('comm100.PUT("/livechat/visitors/{id}", {');
    expect(ts).toContain('body: [{ name: "plan", value: "gold" }]');
  });

  it("fills required query parameters from example, default or enum, optional ones only from examples", () => {
    const op = byId(mini, "getChatVolumeReport");
    expect(sampleInputs(mini, op).query).toEqual([
      ["timeFrom", "2024-01-01T00:00:00"],
      ["timeTo", "2024-02-01T00:00:00"],
      ["timezone", "+08:00"],
      ["group", "day"],
    ]);
    const curl = curlSample(mini, op);
    expect(curl).toMatch(/^curl -G -u /);
    expect(curl).toContain("--data-urlencode 'timezone=+08:00'");
    const ts = typescriptSample(mini, op);
    expect(ts).toMatch(/query: \{\s+timeFrom: "2024-01-01T00:00:00",/);
  });

  it("decorates a copy, never the input", () => {
    const before = JSON.stringify(mini);
    const decorated = decorateSpec(mini, undefined, undefined, []); // no hand-written guides
    expect(JSON.stringify(mini)).toBe(before);
    expect(decorated.paths["/livechat/reports/chatVolume"].get["x-codeSamples"].map((s: { label: string }) => s.label)).toEqual([
      "curl",
      "TypeScript",
      "TypeScript (resource style)",
      "CLI",
    ]);
    expect(decorated.info.description).toMatch(/^Intro\.\n\nDownload the OpenAPI document: \[openapi\.json\]\(openapi\.json\)/);
    expect(decorated.tags[0]).toMatchObject({ name: "Using the TypeScript SDK", "x-traitTag": true });
    expect(decorated["x-tagGroups"].map((g: { name: string }) => g.name)).toEqual(["Guides", "API"]);
  });
});

describe("samples of the real spec", () => {
  let spec: any;
  let samples: Map<string, OperationSamples>;
  beforeAll(() => {
    spec = loadSpec(specPath);
    samples = codeSamples(spec);
  });

  it("exist for every operation, with the path filled in and the right method", () => {
    const ops = listOperations(spec);
    expect(samples.size).toBe(ops.length);
    for (const op of ops) {
      const { curl = "", typescript = "" } = samples.get(op.operationId)!.sources;
      expect(curl, op.operationId).toMatch(/^curl /);
      expect(curl, op.operationId).toContain('-u "agent@example.com:$COMM100_API_KEY"');
      const url = curl.match(/'(https:\/\/[^']+)'/)?.[1] ?? "";
      expect(url, op.operationId).not.toMatch(/[{}]/);
      if (op.method !== "GET" && !(op.method === "POST" && op.body)) expect(curl).toContain(`-X ${op.method}`);
      if (op.body?.contentType === "application/x-www-form-urlencoded") expect(curl, op.operationId).toMatch(/ (-d|--data-urlencode) '/);
      if (op.body?.contentType === "application/json") expect(curl, op.operationId).toContain("-H 'Content-Type: application/json'");
      expect(typescript, op.operationId).toContain('import { createComm100Client } from "@comm100-sdk/client";');
      expect(typescript, op.operationId).toContain(`comm100.${op.method}(${JSON.stringify(op.path)}`);
    }
  });

  it("are what the build wrote (dist/openapi.json, .tmp/samples.ts)", () => {
    const decorated = JSON.parse(readFileSync(decoratedPath, "utf8"));
    expect(decorated).toEqual(decorateSpec(spec, samples));
    expect(readFileSync(samplesPath, "utf8")).toBe(samplesModule(spec, samples));
  });

  it("compile against @comm100-sdk/client (tsc --noEmit), and a wrong sample does not", () => {
    const clientPkg = join(pkgDir, "node_modules/@comm100-sdk/client/package.json");
    const clientTypes = join(pkgDir, "node_modules/@comm100-sdk/client/dist/index.d.ts");
    if (!existsSync(clientPkg) || !existsSync(clientTypes)) {
      throw new Error("@comm100-sdk/client is not built: run `pnpm turbo run build --filter=@comm100-sdk/docs...` first");
    }
    const tmp = join(pkgDir, ".tmp");
    mkdirSync(tmp, { recursive: true });
    // A canary the checker must reject: an unknown path and a missing path parameter.
    writeFileSync(
      join(tmp, "canary.ts"),
      [
        'import { createComm100Client } from "@comm100-sdk/client";',
        'const comm100 = createComm100Client({ domain: "hosted.comm100.com", email: "a@b.c", apiKey: "k" });',
        'export const a = comm100.GET("/livechat/no_such_path");',
        `export const b = comm100.GET(${JSON.stringify(listOperations(spec).find((o: any) => o.pathParams.length && o.method === "GET")?.path)}, { params: { path: {} } });`,
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(tmp, "tsconfig.samples.json"),
      JSON.stringify(
        {
          extends: "../../../tsconfig.base.json",
          compilerOptions: { types: ["node"], noEmit: true, noUnusedLocals: false },
          include: ["samples.ts", "canary.ts", "guides/*.ts"],
        },
        null,
        2,
      ),
    );
    const tsc = require.resolve("typescript/bin/tsc");
    const r = spawnSync(process.execPath, [tsc, "-p", join(tmp, "tsconfig.samples.json"), "--pretty", "false"], {
      cwd: pkgDir,
      encoding: "utf8",
    });
    const out = `${r.stdout}${r.stderr}`;
    const errors = out.split("\n").filter((l) => /error TS\d+/.test(l));
    const inSamples = errors.filter((l) => l.includes("samples.ts") || l.includes("guides/"));
    expect(out).not.toMatch(/TS18003/); // "no inputs were found": the guides' modules must be there
    const inCanary = errors.filter((l) => l.includes("canary.ts"));
    expect(inSamples, `TypeScript samples that do not compile:\n${inSamples.join("\n")}`).toEqual([]);
    expect(inCanary.length, `the canary should not compile; tsc said:\n${out}`).toBeGreaterThanOrEqual(2);
    expect(errors.length - inSamples.length - inCanary.length, out).toBe(0);
  });
});
