// Calls an operation of the spec on a mock and checks the answer against the spec's schema for
// its operation and status before handing it back (shared by the model-based and contract tests).
import { expect } from "vitest";
import { createAjv2020, loadDefaultSpec, type MockServer } from "../../src/index.js";
import { AUTH, formEncode } from "../helpers.js";

const spec = loadDefaultSpec() as { paths: Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>> };
const ajv = createAjv2020({ strict: false });
ajv.addSchema(spec, "spec");
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
export const OPS = new Map<string, { path: string; method: string }>();
for (const [path, item] of Object.entries(spec.paths))
  for (const [method, op] of Object.entries(item)) if (op?.operationId) OPS.set(op.operationId, { path, method });
const validators = new Map<string, (v: unknown) => boolean>();

/** The spec's schema for an operation's answer with this status (compiled once). */
export function validatorFor(operationId: string, status: number): ((v: unknown) => boolean) | undefined {
  const key = `${operationId} ${status}`;
  if (!validators.has(key)) {
    const { path, method } = OPS.get(operationId)!;
    const response = spec.paths[path]![method]!.responses[String(status)] as { $ref?: string; content?: unknown } | undefined;
    if (!response) throw new Error(`${operationId} answered ${status}, which the spec does not document`);
    const ref = response.$ref ?? `#/${pointer("paths", path, method, "responses", String(status))}`;
    const resolved = ref
      .slice(2)
      .split("/")
      .reduce<any>((n, k) => n[k.replaceAll("~1", "/").replaceAll("~0", "~")], spec);
    if (!resolved.content) validators.set(key, (v) => v === undefined);
    else validators.set(key, ajv.compile({ $ref: `spec${ref}/content/application~1json/schema` }));
  }
  return validators.get(key);
}

export const checked = { answers: 0 };

/** Calls an operation and checks the answer against the spec before handing it back. */
export async function callChecked(
  mock: MockServer,
  operationId: string,
  path: Record<string, unknown> = {},
  body?: Record<string, unknown> | unknown[],
  query = "",
): Promise<{ status: number; json: any }> {
  const { path: template, method } = OPS.get(operationId)!;
  const url = `${mock.url}${template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(path[k])))}${query}`;
  const res = await fetch(url, {
    method: method.toUpperCase(),
    // A JSON array is the one JSON body of the API (visitor custom variables); the rest are forms.
    headers: {
      authorization: AUTH,
      ...(body ? { "content-type": Array.isArray(body) ? "application/json" : "application/x-www-form-urlencoded" } : {}),
    },
    ...(body ? { body: Array.isArray(body) ? JSON.stringify(body) : formEncode(body) } : {}),
  });
  const text = await res.text();
  const json = text === "" ? undefined : JSON.parse(text);
  const validate = validatorFor(operationId, res.status)!;
  expect(
    validate(json),
    `${operationId} ${res.status}: ${text.slice(0, 300)} ${JSON.stringify((validate as { errors?: unknown }).errors)}`,
  ).toBe(true);
  checked.answers++;
  return { status: res.status, json };
}
