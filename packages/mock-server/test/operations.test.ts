// Driven by the spec through @comm100-sdk/spec-reader: every operation answers a valid request
// with its documented success, and every documented error status is reachable with Prefer.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { recordCoverage } from "@comm100-sdk/spec-reader";
import {
  call,
  formEncode,
  isErrorBody,
  listOperations,
  loadSpec,
  resolve,
  useMockServer,
  valueFor,
  valueForSchema,
  type Schema,
} from "./helpers.js";

const spec = loadSpec() as Schema;
const operations = listOperations(spec);

// Strict Ajv for JSON Schema 2020-12, with OpenAPI's extra keywords registered as vocabulary.
const ajv = new Ajv2020({ strict: true, allErrors: true, strictTypes: false });
addFormats(ajv);
for (const f of ["int32", "int64", "float", "double", "byte", "binary", "password"]) ajv.addFormat(f, true);
ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
// Each component schema is registered under its own id; local refs are rewritten to those ids.
const SCHEMA_BASE = "https://comm100-sdk.invalid/schemas/";
const relink = (schema: unknown): Schema =>
  JSON.parse(JSON.stringify(schema).replace(/"#\/components\/schemas\//g, `"${SCHEMA_BASE}`)) as Schema;
for (const [name, schema] of Object.entries((spec.components as { schemas: Record<string, unknown> }).schemas)) {
  ajv.addSchema({ ...relink(schema), $id: `${SCHEMA_BASE}${name}` });
}
function validatorFor(schema: unknown) {
  return ajv.compile(relink(schema));
}

type Op = (typeof operations)[number];
function rawOperation(op: Op): Schema {
  const item = resolve(spec, (spec.paths as Schema)[op.path]);
  return item[op.method.toLowerCase()] as Schema;
}
function parameters(op: Op): Schema[] {
  const item = resolve(spec, (spec.paths as Schema)[op.path]);
  const raw = rawOperation(op);
  return [...((item.parameters as unknown[]) ?? []), ...((raw.parameters as unknown[]) ?? [])].map((p) => resolve(spec, p));
}

/** A valid request for the operation, built from the spec's examples. */
function validRequest(op: Op) {
  let path = op.path;
  const query: string[] = [];
  for (const p of parameters(op)) {
    const value = valueFor(spec, p);
    if (p.in === "path") path = path.replace(`{${String(p.name)}}`, encodeURIComponent(String(value)));
    else if (p.in === "query" && p.required)
      query.push(`${encodeURIComponent(String(p.name))}=${encodeURIComponent(Array.isArray(value) ? value.join(",") : String(value))}`);
  }
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (op.body) {
    const media = (resolve(spec, rawOperation(op).requestBody) as { content: Record<string, Schema> }).content[op.body.contentType]!;
    const examples = media.examples as Record<string, unknown> | undefined;
    const first = examples ? resolve<{ value?: unknown }>(spec, Object.values(examples)[0]).value : undefined;
    const value = first ?? media.example ?? valueForSchema(spec, media.schema as Schema);
    headers["content-type"] = op.body.contentType;
    body = op.body.contentType.includes("json") ? JSON.stringify(value) : formEncode(value as Record<string, unknown>);
  }
  return { path: `${path}${query.length ? `?${query.join("&")}` : ""}`, method: op.method, headers, body };
}

function responseMedia(op: Op, status: number) {
  const response = resolve(spec, (rawOperation(op).responses as Schema)[String(status)]);
  const content = response.content as Record<string, Schema> | undefined;
  return content?.["application/json"];
}

describe("every operation of the spec", () => {
  const mock = useMockServer();
  const answered: string[] = [];
  afterAll(() =>
    recordCoverage(fileURLToPath(new URL("..", import.meta.url)), "valid request answered with a schema-valid example", answered),
  );

  it("the spec has operations", () => {
    expect(operations.length).toBeGreaterThan(0);
    console.log(`operations in the spec: ${operations.length}`);
  });

  it.each(operations.map((op) => [`${op.method} ${op.path} (${op.operationId})`, op] as const))(
    "%s: a valid request gets its documented success",
    async (_name, op) => {
      const req = validRequest(op);
      const res = await call(`${mock.url}${req.path}`, {
        method: req.method,
        headers: req.headers,
        ...(req.body !== undefined ? { body: req.body } : {}),
      });
      expect(res.status, res.text).toBe(op.successStatus);
      const media = responseMedia(op, op.successStatus);
      if (!media) {
        expect(res.text).toBe("");
        answered.push(op.operationId);
        return;
      }
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const validate = validatorFor(media.schema);
      expect(validate(res.json), JSON.stringify(validate.errors)).toBe(true);
      // Without the Authorization header the same request is a 401.
      const anon = await call(`${mock.url}${req.path}`, {
        method: req.method,
        headers: req.headers,
        auth: false,
        ...(req.body !== undefined ? { body: req.body } : {}),
      });
      expect(anon.status).toBe(401);
      expect(isErrorBody(anon.json, 401)).toBe(true);
      answered.push(op.operationId);
    },
  );

  const errorCases = operations.flatMap((op) =>
    op.errorStatuses.flatMap((status) => {
      const examples = Object.keys((responseMedia(op, status)?.examples as Schema | undefined) ?? {});
      const names: Array<string | undefined> = examples.length > 1 ? examples : [undefined];
      return names.map((example) => [`${op.operationId} ${status}${example ? ` example=${example}` : ""}`, op, status, example] as const);
    }),
  );

  it("covers every documented error status", () => {
    console.log(`documented error responses reachable with Prefer: ${errorCases.length}`);
    expect(errorCases.length).toBeGreaterThanOrEqual(operations.length);
  });

  it.each(errorCases)("%s is reachable with Prefer", async (_name, op, status, example) => {
    const req = validRequest(op);
    const prefer = `code=${status}${example ? `, example=${example}` : ""}`;
    const res = await call(`${mock.url}${req.path}`, {
      method: req.method,
      headers: { ...req.headers, prefer },
      ...(req.body !== undefined ? { body: req.body } : {}),
    });
    expect(res.status, res.text).toBe(status);
    const media = responseMedia(op, status);
    if (media) {
      const validate = validatorFor(media.schema);
      expect(validate(res.json), JSON.stringify(validate.errors)).toBe(true);
      if (example) {
        const expected = resolve<{ value: unknown }>(spec, (media.examples as Schema)[example]).value;
        expect(res.json).toEqual(expected);
      }
    }
    expect(isErrorBody(res.json, status)).toBe(true);
  });
});
