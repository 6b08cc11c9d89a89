// The spec breaking-change check (spec/scripts/check-breaking.mjs): the repository itself must pass,
// and deliberate edits on temporary copies of the released spec show what it catches.
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBreaking } from "../../spec/scripts/lib/check-breaking.mjs";
import { diffSpecs } from "../../spec/scripts/lib/openapi-breaking.mjs";
import { ROOT } from "./packages.js";

type Json = any;
const SCRIPT = join(ROOT, "spec/scripts/check-breaking.mjs");
const RELEASED = join(ROOT, "spec/released/openapi.json");
const METHODS = ["get", "put", "post", "delete", "patch"];

let dir: string;
let noChangesets: string;
const base = (): Json => JSON.parse(readFileSync(RELEASED, "utf8"));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "comm100-breaking-"));
  noChangesets = join(dir, "no-changesets");
  mkdirSync(join(noChangesets, ".changeset"), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/**
 * Runs the check on `head`; `changesets` is a project folder, or the files of its .changeset/ folder.
 * In this process (checkBreaking, what the script runs); the script itself runs in the first test.
 */
async function check(head: Json, changesets: Record<string, string> | string = noChangesets) {
  const headFile = join(dir, `head-${++n}.json`);
  writeFileSync(headFile, JSON.stringify(head));
  const project = typeof changesets === "string" ? changesets : join(dir, `project-${n}`);
  if (typeof changesets !== "string") {
    mkdirSync(join(project, ".changeset"), { recursive: true });
    writeFileSync(join(project, ".changeset", "README.md"), "# not a changeset\n");
    for (const [f, text] of Object.entries(changesets)) writeFileSync(join(project, ".changeset", f), text);
  }
  const lines = { stdout: [] as string[], stderr: [] as string[] };
  const status = await checkBreaking(["--base", RELEASED, "--head", headFile, "--project", project, "--json"], {
    log: (l) => lines.stdout.push(l),
    error: (l) => lines.stderr.push(l),
  });
  const out = lines.stdout.length ? JSON.parse(lines.stdout.join("\n")) : null;
  return { status, out, stderr: lines.stderr.map((l) => `${l}\n`).join("") };
}

const deref = (doc: Json, node: Json): Json => {
  let x = node;
  while (x?.$ref)
    x = x.$ref
      .slice(2)
      .split("/")
      .reduce((o: Json, k: string) => o[k.replace(/~1/g, "/")], doc);
  return x;
};
function* operations(doc: Json) {
  for (const [path, item] of Object.entries<Json>(doc.paths))
    for (const m of METHODS) if (item[m]) yield { path, method: m, item, op: item[m] };
}
/** First operation with an optional query parameter; the parameter is inlined so the edit stays local. */
function optionalQueryParam(doc: Json) {
  for (const { op } of operations(doc)) {
    const params: Json[] = op.parameters ?? [];
    const i = params.findIndex((p) => deref(doc, p).in === "query" && !deref(doc, p).required);
    if (i >= 0) {
      params[i] = structuredClone(deref(doc, params[i]));
      return params[i];
    }
  }
  throw new Error("no optional query parameter in the spec");
}
/** A response object schema with properties (a component schema, so the edit shows up wherever it is used). */
function responseObject(doc: Json) {
  for (const { op } of operations(doc)) {
    const res = deref(doc, op.responses?.["200"]);
    let s = deref(doc, res?.content?.["application/json"]?.schema);
    if (s?.type === "array") s = deref(doc, s.items);
    if (s?.properties && Object.keys(s.properties).length > 1) return s;
  }
  throw new Error("no object response in the spec");
}
/** A request body schema with an optional field. */
function requestObject(doc: Json) {
  for (const { op } of operations(doc)) {
    const rb = deref(doc, op.requestBody);
    for (const media of Object.values<Json>(rb?.content ?? {})) {
      const s = deref(doc, media.schema);
      const optional = Object.keys(s?.properties ?? {}).filter((k) => !(s.required ?? []).includes(k));
      if (optional.length) return { schema: s, field: optional[0]! };
    }
  }
  throw new Error("no request body with an optional field");
}

describe("check:breaking on the repository", () => {
  it("passes: spec/dist/openapi.json has no unannounced breaking change against spec/released/openapi.json", () => {
    const r = spawnSync(process.execPath, [SCRIPT], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status, r.stdout).toBe(0);
  });

  it("the released baseline is a whole spec", () => {
    const doc = base();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect([...operations(doc)].length).toBeGreaterThan(0);
  });
});

describe("check:breaking catches breaking edits", () => {
  it("passes an unchanged spec", async () => {
    const r = await check(base());
    expect(r.status).toBe(0);
    expect(r.out.breaking).toEqual([]);
  });

  it("fails when an operation is removed", async () => {
    const doc = base();
    const { path, method, op } = operations(doc).next().value!;
    delete doc.paths[path][method];
    const r = await check(doc);
    expect(r.status).toBe(1);
    expect(r.out.breaking).toContainEqual(
      expect.objectContaining({ rule: "operation-removed", location: `${method.toUpperCase()} ${path}` }),
    );
    expect(JSON.stringify(r.out.breaking)).toContain(op.operationId);
  });

  it("fails when an optional parameter is made required", async () => {
    const doc = base();
    const p = optionalQueryParam(doc);
    p.required = true;
    const r = await check(doc);
    expect(r.status).toBe(1);
    expect(r.out.breaking).toContainEqual(expect.objectContaining({ rule: "parameter-made-required" }));
    expect(r.out.breaking.map((c: Json) => c.location).join("\n")).toContain(`"${p.name}"`);
  });

  it("fails when a parameter is renamed", async () => {
    const doc = base();
    const p = optionalQueryParam(doc);
    const old = p.name;
    p.name = `${old}_renamed`;
    const r = await check(doc);
    expect(r.status).toBe(1);
    const removed = r.out.breaking.find((c: Json) => c.rule === "parameter-removed");
    expect(removed.location).toContain(`"${old}"`);
    expect(removed.message).toContain(`${old}_renamed`);
  });

  it("fails when a response property is removed", async () => {
    const doc = base();
    const s = responseObject(doc);
    const [prop] = Object.keys(s.properties);
    delete s.properties[prop!];
    if (Array.isArray(s.required)) s.required = s.required.filter((x: string) => x !== prop);
    const r = await check(doc);
    expect(r.status).toBe(1);
    expect(r.out.breaking).toContainEqual(expect.objectContaining({ rule: "response-property-removed" }));
    expect(r.out.breaking.find((c: Json) => c.rule === "response-property-removed").location).toContain(`.${prop}`);
  });

  it("fails when a request body field is made required", async () => {
    const doc = base();
    const { schema, field } = requestObject(doc);
    schema.required = [...(schema.required ?? []), field];
    const r = await check(doc);
    expect(r.status).toBe(1);
    expect(r.out.breaking).toContainEqual(expect.objectContaining({ rule: "request-property-made-required" }));
  });

  it("fails when a response property changes type", async () => {
    const doc = base();
    const s = responseObject(doc);
    const [prop] = Object.keys(s.properties);
    const old = deref(doc, s.properties[prop!]);
    s.properties[prop!] = { type: old.type === "string" ? "integer" : "string" };
    const r = await check(doc);
    expect(r.status).toBe(1);
    expect(r.out.breaking).toContainEqual(expect.objectContaining({ rule: "response-type-changed" }));
  });
});

describe("check:breaking lets additions through", () => {
  it("passes a new operation, a new optional parameter, a new optional body field and a new response property", async () => {
    const doc = base();
    doc.paths["/livechat/zz-new-thing"] = { get: { operationId: "getNewThing", responses: { "200": { description: "ok" } } } };
    const { op } = operations(doc).next().value!;
    op.parameters = [...(op.parameters ?? []), { name: "zz_new", in: "query", required: false, schema: { type: "string" } }];
    const { schema } = requestObject(doc);
    schema.properties.zz_new_field = { type: "string" };
    responseObject(doc).properties.zz_new_prop = { type: "string" };
    const r = await check(doc);
    expect(r.status, JSON.stringify(r.out?.breaking)).toBe(0);
    const rules = r.out.nonBreaking.map((c: Json) => c.rule);
    expect(rules).toEqual(
      expect.arrayContaining(["operation-added", "parameter-added", "request-property-added", "response-property-added"]),
    );
  });
});

describe("check:breaking and changesets", () => {
  const breakingEdit = () => {
    const doc = base();
    const { path, method } = operations(doc).next().value!;
    delete doc.paths[path][method];
    return doc;
  };

  it("a major changeset for @comm100-sdk/openapi announces the breaking change", async () => {
    const r = await check(breakingEdit(), { "drop-op.md": '---\n"@comm100-sdk/openapi": major\n---\n\nRemove an operation.\n' });
    expect(r.status).toBe(0);
    expect(r.out.breaking.length).toBeGreaterThan(0);
    expect(r.out.majorChangesets).toEqual(["drop-op.md"]);
  });

  it("a minor changeset, or a major one for another package, does not", async () => {
    expect((await check(breakingEdit(), { "a.md": '---\n"@comm100-sdk/openapi": minor\n---\n\nx\n' })).status).toBe(1);
    expect((await check(breakingEdit(), { "b.md": '---\n"@comm100-sdk/client": major\n---\n\nx\n' })).status).toBe(1);
  });

  it("reads changesets as changesets does: either quote style, CRLF line ends, several packages per file", async () => {
    const r = await check(breakingEdit(), {
      "a.md": "---\n'@comm100-sdk/openapi': patch\n\"@comm100-sdk/client\": minor\n---\n\nx\n",
      "b.md": '---\r\n"@comm100-sdk/client": patch\r\n"@comm100-sdk/openapi": major\r\n---\r\n\r\ny\r\n',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.out.majorChangesets).toEqual(["b.md"]);
  });

  it("a changeset without front matter is a usage error naming the folder", async () => {
    const r = await check(breakingEdit(), { "c.md": "no front matter\n" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read the changesets in .*\.changeset/);
  });
});

describe("diffSpecs rules on small documents", () => {
  const doc = (op: Json, schemas: Json = {}) => ({ openapi: "3.1.0", paths: { "/x": { post: op } }, components: { schemas } });
  const res = (schema: Json) => ({ "200": { description: "ok", content: { "application/json": { schema } } } });
  const body = (schema: Json, type = "application/x-www-form-urlencoded") => ({ required: true, content: { [type]: { schema } } });

  it("removed enum value in a request field is breaking; an added one is not", () => {
    const a = doc({ requestBody: body({ type: "object", properties: { s: { type: "string", enum: ["a", "b"] } } }), responses: res({}) });
    const b = doc({ requestBody: body({ type: "object", properties: { s: { type: "string", enum: ["a", "c"] } } }), responses: res({}) });
    const { breaking, nonBreaking } = diffSpecs(a, b);
    expect(breaking).toEqual([
      expect.objectContaining({
        rule: "request-enum-value-removed",
        location: "POST /x request body (application/x-www-form-urlencoded) .s",
      }),
    ]);
    expect(nonBreaking).toContainEqual(expect.objectContaining({ rule: "request-enum-value-added" }));
  });

  it("request type narrowing is breaking, widening is not", () => {
    const mk = (t: Json) => doc({ parameters: [{ name: "p", in: "query", schema: { type: t } }], responses: res({}) });
    expect(diffSpecs(mk(["string", "integer"]), mk("string")).breaking).toContainEqual(
      expect.objectContaining({ rule: "request-type-changed" }),
    );
    expect(diffSpecs(mk("string"), mk(["string", "integer"])).breaking).toEqual([]);
    expect(diffSpecs(mk("integer"), mk("number")).breaking).toEqual([]);
  });

  it("a new required parameter, a removed content type and a removed success status are breaking", () => {
    const a = doc({ requestBody: body({ type: "object" }), responses: res({ type: "object" }) });
    const b = doc({
      parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }],
      requestBody: body({ type: "object" }, "application/json"),
      responses: { "201": { description: "created" } },
    });
    const rules = diffSpecs(a, b)
      .breaking.map((c: Json) => c.rule)
      .sort();
    expect(rules).toEqual(["parameter-required-added", "request-content-type-removed", "response-status-removed"]);
  });

  it("follows $refs, allOf and arrays, and terminates on recursive schemas", () => {
    const schemas = (extra: Json) => ({
      Node: {
        allOf: [
          { $ref: "#/components/schemas/Base" },
          { type: "object", properties: { children: { type: "array", items: { $ref: "#/components/schemas/Node" } }, ...extra } },
        ],
      },
      Base: { type: "object", properties: { id: { type: "integer" } }, required: ["id"] },
    });
    const a = doc({ responses: res({ $ref: "#/components/schemas/Node" }) }, schemas({ name: { type: "string" } }));
    const b = doc({ responses: res({ $ref: "#/components/schemas/Node" }) }, schemas({}));
    expect(diffSpecs(a, b).breaking).toEqual([
      expect.objectContaining({ rule: "response-property-removed", location: "POST /x response 200 (application/json) .name" }),
    ]);
    expect(diffSpecs(a, a).breaking).toEqual([]);
  });

  it("a Control Panel domain removed from the server variable is breaking", () => {
    const mk = (domains: string[]) => ({
      openapi: "3.1.0",
      servers: [{ url: "https://{domain}/api/v1", variables: { domain: { default: domains[0], enum: domains } } }],
      paths: {},
    });
    expect(diffSpecs(mk(["a.example", "b.example"]), mk(["a.example"])).breaking).toEqual([
      expect.objectContaining({ rule: "server-enum-value-removed" }),
    ]);
    expect(diffSpecs(mk(["a.example"]), mk(["a.example", "b.example"])).breaking).toEqual([]);
  });

  it("a response property made optional or nullable is breaking", () => {
    const mk = (s: Json) => doc({ responses: res(s) });
    const req = { type: "object", properties: { id: { type: "integer" } }, required: ["id"] };
    expect(diffSpecs(mk(req), mk({ ...req, required: [] })).breaking).toContainEqual(
      expect.objectContaining({ rule: "response-property-made-optional" }),
    );
    expect(diffSpecs(mk(req), mk({ ...req, properties: { id: { type: ["integer", "null"] } } })).breaking).toContainEqual(
      expect.objectContaining({ rule: "response-type-changed" }),
    );
  });
});
