import { afterAll, beforeAll } from "vitest";
import { listOperations, loadSpec, resolveRef } from "@comm100-sdk/spec-reader";
import { basePathOf, createMockServer, DEFAULT_ACCOUNT, type MockServerOptions, type MockServer } from "../src/index.js";

export { listOperations, loadSpec };
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Schema = Record<string, unknown>;

/** The stateful mock's default account (stateless mode accepts any credentials). */
export const EMAIL = DEFAULT_ACCOUNT.email;
export const API_KEY = DEFAULT_ACCOUNT.apiKey;
export const AUTH = `Basic ${Buffer.from(`${EMAIL}:${API_KEY}`, "utf8").toString("base64")}`;

/**
 * One mock server for the file, on 127.0.0.1 and a free port, closed after the file's tests.
 * Stateless by default: these tests check the spec's examples and validation.
 */
export function useMockServer(options: MockServerOptions = { stateless: true }): { readonly url: string; readonly server: MockServer } {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await createMockServer({ port: 0, ...options });
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error("server not started");
      return server.url;
    },
    get server() {
      if (!server) throw new Error("server not started");
      return server;
    },
  };
}

/** The documented samples (test data kept beside the spec). */
export { loadSamples, type Sample } from "@comm100-sdk/spec-reader";

/** Local `$ref`s are resolved by the repository's one spec reader. */
export function resolve<T = Schema>(spec: Schema, node: unknown): T {
  return resolveRef(spec, node) as T;
}

/** The mock's own derivation of the base path, so tests and server cannot disagree. */
export { basePathOf };

/** A value for a parameter: its example(s), default, enum or a value of its type. */
export function valueFor(spec: Schema, param: Schema): unknown {
  if (param.example !== undefined) return param.example;
  const examples = param.examples as Record<string, { value?: unknown }> | undefined;
  const first = examples ? Object.values(examples).map((e) => resolve<{ value?: unknown }>(spec, e))[0] : undefined;
  if (first?.value !== undefined) return first.value;
  return valueForSchema(spec, resolve(spec, param.schema));
}

export function valueForSchema(spec: Schema, schema: Schema | undefined): unknown {
  const s = resolve(spec, schema) ?? {};
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if (s.default !== undefined) return s.default;
  if (Array.isArray(s.enum)) return s.enum[0];
  if (s.const !== undefined) return s.const;
  for (const k of ["anyOf", "oneOf", "allOf"]) if (Array.isArray(s[k])) return valueForSchema(spec, (s[k] as Schema[])[0]);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  if (type === "array") return [valueForSchema(spec, s.items as Schema)];
  return "x";
}

/** `k=v&k2=a,b` as the docs' curl sends it; list fields comma-joined. */
export function formEncode(body: Record<string, unknown>): string {
  return Object.entries(body)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(Array.isArray(v) ? v.join(",") : String(v))}`)
    .join("&");
}

export async function call(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer>; auth?: boolean } = {},
): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
  const headers: Record<string, string> = { ...(init.auth === false ? {} : { authorization: AUTH }), ...init.headers };
  const res = await fetch(url, { method: init.method ?? "GET", headers, ...(init.body !== undefined ? { body: init.body } : {}) });
  const text = await res.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A Comm100 error body: `{ code: <status>xxx, message }`. */
export function isErrorBody(body: unknown, status: number): boolean {
  if (typeof body !== "object" || body === null) return false;
  const { code, message } = body as { code?: unknown; message?: unknown };
  return typeof code === "number" && Math.floor(code / 1000) === status && typeof message === "string" && message.length > 0;
}
