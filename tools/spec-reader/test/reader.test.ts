import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  camelCase,
  exampleInputs,
  listOperations,
  loadSamples,
  methodName,
  recordCoverage,
  resolveRef,
  type OpenApiDocument,
} from "../src/index.js";

// A small document with the shapes the reader meets in the bundled spec.
const doc: OpenApiDocument = {
  paths: {
    "/livechat/agents": {
      get: { operationId: "listAgents", tags: ["Agents"], responses: { "200": {}, "401": {}, "500": {} } },
      post: {
        operationId: "createAgent",
        tags: ["Agents"],
        requestBody: { $ref: "#/components/requestBodies/Agent" },
        responses: { "201": {}, "400": {} },
      },
    },
    "/livechat/agents/{email}/apiKey": {
      parameters: [{ $ref: "#/components/parameters/Email" }],
      put: {
        operationId: "resetAgentApiKey",
        tags: ["Agents"],
        parameters: [{ name: "notify", in: "query", schema: { type: "boolean", enum: [true, false] } }],
        responses: { "200": {} },
      },
    },
  },
  components: {
    parameters: { Email: { name: "email", in: "path", required: true, examples: { a: { value: "a@example.com" } } } },
    requestBodies: {
      Agent: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": {
            schema: { type: "object" },
            encoding: { departments: { explode: false }, name: {} },
            examples: { first: { $ref: "#/components/examples/Agent" } },
          },
        },
      },
    },
    examples: { Agent: { value: { name: "Ann" } } },
    "a/b~c": { x: 1 },
    loop: { $ref: "#/components/loop" },
  },
};

describe("resolveRef", () => {
  it("follows local references, unescaping ~1 and ~0", () => {
    expect(resolveRef(doc, { $ref: "#/components/a~1b~0c" })).toEqual({ x: 1 });
  });
  it("answers undefined for a cycle or a dangling reference", () => {
    expect(resolveRef(doc, { $ref: "#/components/loop" })).toBeUndefined();
    expect(resolveRef(doc, { $ref: "#/components/nothing" })).toBeUndefined();
  });
  it("returns a node without $ref as it is", () => {
    const node = { type: "string" };
    expect(resolveRef(doc, node)).toBe(node);
  });
});

describe("names", () => {
  it("derives namespaces and method names from tags and operationIds", () => {
    expect(camelCase("Canned Message Categories")).toBe("cannedMessageCategories");
    expect(methodName("listAgents", "Agents")).toBe("list");
    expect(methodName("resetAgentApiKey", "Agents")).toBe("resetApiKey");
    expect(methodName("getChatVolumeReport", "Reports")).toBe("getChatVolume");
    expect(methodName("ping", "Agents")).toBe("ping");
  });
});

describe("listOperations", () => {
  const ops = listOperations(doc);
  it("lists every operation in document order with its derived facts", () => {
    expect(ops.map((o) => `${o.method} ${o.path} ${o.namespace}.${o.methodName}`)).toEqual([
      "GET /livechat/agents agents.list",
      "POST /livechat/agents agents.create",
      "PUT /livechat/agents/{email}/apiKey agents.resetApiKey",
    ]);
    expect(ops[0]?.errorStatuses).toEqual([401, 500]);
    expect(ops[1]?.successStatus).toBe(201);
    expect(ops[1]?.body).toMatchObject({ contentType: "application/x-www-form-urlencoded", required: true, listFields: ["departments"] });
    expect(ops[2]?.pathParams).toEqual(["email"]);
    expect(ops[2]?.queryParams).toEqual([{ name: "notify", required: false, schema: { type: "boolean", enum: [true, false] } }]);
  });
});

describe("exampleInputs", () => {
  it("takes path, query and body values from the document's examples", () => {
    const [, create, reset] = exampleInputs(doc);
    expect(create?.body).toEqual({ name: "Ann" });
    expect(reset?.pathValues).toEqual(["a@example.com"]);
    expect(reset?.query).toEqual({ notify: true });
  });
});

describe("recordCoverage", () => {
  const dir = mkdtempSync(join(tmpdir(), "spec-reader-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("replaces the entry of a check and keeps the others, ids sorted and unique", () => {
    recordCoverage(dir, "a", ["y", "x"]);
    recordCoverage(dir, "b", ["z"]);
    recordCoverage(dir, "a", ["x", "x", "w"]);
    const entries = JSON.parse(readFileSync(join(dir, "reports", "contract-coverage.json"), "utf8"));
    expect(entries).toEqual([
      { check: "b", operationIds: ["z"] },
      { check: "a", operationIds: ["w", "x"] },
    ]);
  });
});

describe("loadSamples", () => {
  it("reads every documented sample with its method, path and source", () => {
    const samples = loadSamples();
    expect(samples.length).toBeGreaterThan(0);
    for (const s of samples) {
      expect(s.file.startsWith(`${s.method}__`), s.file).toBe(true);
      expect(s.path, s.file).toMatch(/^\//);
      expect(s.source, s.file).toBeTruthy();
    }
  });
});
