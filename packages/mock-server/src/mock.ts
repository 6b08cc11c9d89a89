import { readFileSync } from "node:fs";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { OpenAPIBackend, type Document, type Operation } from "openapi-backend";
import type { ErrorObject, Options as AjvOptions } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { checkBasicAuth, isAnswer } from "./auth.js";
import { errorAnswer, type MockAnswer } from "./errors.js";
import {
  ParseError,
  coerceForm,
  coerceJsonObject,
  decodeUtf8,
  parseForm,
  parsePrefer,
  parseQuery,
  type QueryValues,
  type Schema,
} from "./parse.js";

/** An OpenAPI 3.1 document as a plain object. */
export type OpenAPIDocument = Record<string, unknown>;

export interface MockHandlerOptions {
  /** The OpenAPI document (object) or the path of a JSON file; default: `@comm100-sdk/openapi/openapi.json`. */
  spec?: OpenAPIDocument | string;
  /** Largest request body accepted, in bytes; larger bodies get 413. Default 1 MiB. */
  bodyLimit?: number;
  /** Called once per answered request, e.g. for a log line. */
  onRequest?: (entry: { method: string; url: string; status: number; operationId?: string }) => void;
}

/** A Node `http` request listener that answers like the Comm100 API, plus the path it serves under. */
export interface MockHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Path prefix of every operation, taken from the spec's first server URL: `/api/v1`. */
  basePath: string;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "preference-applied, allow, www-authenticate",
};

/** Reads the bundled spec that ships with `@comm100-sdk/openapi`. */
export function loadDefaultSpec(): OpenAPIDocument {
  const require = createRequire(import.meta.url);
  const file = require.resolve("@comm100-sdk/openapi/openapi.json");
  return JSON.parse(readFileSync(file, "utf8")) as OpenAPIDocument;
}

function loadSpec(spec: MockHandlerOptions["spec"]): OpenAPIDocument {
  if (spec === undefined) return loadDefaultSpec();
  if (typeof spec === "string") return JSON.parse(readFileSync(spec, "utf8")) as OpenAPIDocument;
  return structuredClone(spec);
}

/** `/api/v1` from `https://{domain}/api/v1`. */
function basePathOf(spec: OpenAPIDocument): string {
  const servers = spec.servers as Array<{ url?: string }> | undefined;
  const url = servers?.[0]?.url ?? "/";
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").replace(/\/+$/, "");
  return path === "" ? "/" : path.startsWith("/") ? path : `/${path}`;
}

// Formats OpenAPI defines on top of JSON Schema (same checks as openapi-backend's defaults).
const range = (bits: number) => (n: number) => n >= -(2 ** (bits - 1)) && n < 2 ** (bits - 1);
const OAS_FORMATS = {
  int32: { type: "number", validate: range(32) },
  int64: { type: "number", validate: range(64) },
  float: { type: "number", validate: () => true },
  double: { type: "number", validate: () => true },
  byte: { type: "string", validate: /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/ },
  binary: { type: "string", validate: () => true },
  password: { type: "string", validate: () => true },
} as const;

/** Ajv for JSON Schema 2020-12 (the dialect of OpenAPI 3.1), with formats and OpenAPI's own keywords. */
export function createAjv2020(options: AjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, ...options });
  addFormats(ajv);
  for (const [name, format] of Object.entries(OAS_FORMATS)) ajv.addFormat(name, format);
  ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
  return ajv;
}

type Responses = Record<string, { content?: Record<string, { examples?: Record<string, { value?: unknown }>; example?: unknown; schema?: unknown }> }>;
type RequestBody = { required?: boolean; content?: Record<string, { schema?: unknown; encoding?: Record<string, { explode?: boolean }> }> };
type Parameter = { name: string; in: string };

function isMockAnswer(x: object): x is MockAnswer {
  return "status" in x;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

function mediaType(value: string | undefined): string {
  return (value ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Decodes each path segment, keeping an encoded `/` encoded so it cannot make a new segment, and
 * `%` encoded because openapi-backend decodes path parameters once more.
 */
function decodePath(raw: string): string {
  return raw
    .split("/")
    .map((seg) => {
      try {
        return decodeURIComponent(seg).replace(/%/g, "%25").replace(/\//g, "%2F");
      } catch {
        throw new ParseError("The URL path is not valid percent-encoding.");
      }
    })
    .join("/");
}

/** ["departments", "1"] -> "departments[1]"; ["0", "name"] -> "[0].name" */
function fieldName(segments: string[]): string {
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/** An Ajv error as a Comm100 message that names the parameter. */
function describe(errors: ErrorObject[]): string {
  const where = (e: ErrorObject) => e.instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const rank = (e: ErrorObject) => ["path", "query", "header", "cookie", "requestBody"].indexOf(where(e)[0] ?? "requestBody");
  const sorted = [...errors].sort((a, b) => rank(a) - rank(b));
  let err = sorted[0]!;
  const combinator = sorted.find((e) => e.instancePath === err.instancePath && (e.keyword === "anyOf" || e.keyword === "oneOf"));
  if (combinator) err = combinator;
  const [section, ...rest] = where(err);
  if (err.keyword === "parse") return "The request body is not valid JSON.";
  if (err.keyword === "required") {
    const missing = String((err.params as { missingProperty?: string }).missingProperty);
    if (section === undefined) return missing === "requestBody" ? "The request body is required." : `The request ${missing} is required.`;
    return `Parameter '${fieldName([...rest, missing])}' is required.`;
  }
  let message = err.message ?? "is not valid";
  if (err.keyword === "enum") {
    const allowed = (err.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    message = `must be one of: ${allowed.map((v) => JSON.stringify(v)).join(", ")}`;
  } else if (err.keyword === "anyOf" || err.keyword === "oneOf") {
    message = "does not match any of the allowed forms";
  } else if (err.keyword === "additionalProperties") {
    const extra = (err.params as { additionalProperty?: string }).additionalProperty;
    return `Parameter '${fieldName([...rest, String(extra)])}' is not allowed.`;
  }
  if (section === "requestBody" && rest.length === 0) return `The request body ${message}.`;
  if (section === undefined) return `The request ${message}.`;
  return `Parameter '${fieldName(rest)}' ${message}.`;
}

/**
 * Builds the request listener. The spec is read and dereferenced once; Ajv validators are
 * compiled the first time an operation is called (openapi-backend's `quick` mode, which is
 * also what lets it load an OpenAPI 3.1 document).
 */
export function createMockHandler(options: MockHandlerOptions = {}): MockHandler {
  const spec = loadSpec(options.spec);
  const basePath = basePathOf(spec);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;

  const api = new OpenAPIBackend({
    definition: spec as unknown as Document,
    apiRoot: basePath,
    quick: true,
    strict: true,
    validate: true,
    coerceTypes: true,
    customizeAjv: (_ajv, ajvOptions) => createAjv2020(ajvOptions) as never,
  });
  void api.init();
  const router = api.router;
  const operations = router.getOperations();
  const templates = operations.map((op) => ({
    op,
    pattern: new RegExp(`^${op.path.split(/\{[^}]+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+")}$`),
  }));

  function requiresAuth(op: Operation): boolean {
    const security = (op.security ?? []) as Array<Record<string, unknown>>;
    return security.length > 0 && !security.some((r) => Object.keys(r).length === 0);
  }

  function responseFor(op: Operation, status: number) {
    const responses = (op.responses ?? {}) as Responses;
    const key = [String(status), `${String(status)[0]}XX`, `${String(status)[0]}xx`, "default"].find((k) =>
      Object.prototype.hasOwnProperty.call(responses, k),
    );
    return key === undefined ? undefined : responses[key];
  }

  function documentedStatuses(op: Operation): string[] {
    return Object.keys(op.responses ?? {});
  }

  function successStatus(op: Operation): number {
    const ok = documentedStatuses(op).find((s) => /^2\d\d$/.test(s));
    return ok ? Number(ok) : 200;
  }

  /** The documented answer for a status: the named example, the first example, `example`, or one made from the schema. */
  function exampleAnswer(op: Operation, status: number, exampleName: string | undefined, preferApplied: string[]): MockAnswer {
    const response = responseFor(op, status);
    if (!response) {
      return errorAnswer(
        400,
        `Prefer: code=${status} is not a documented response of ${op.operationId}; documented: ${documentedStatuses(op).join(", ")}.`,
      );
    }
    const headers: Record<string, string> = preferApplied.length ? { "preference-applied": preferApplied.join(", ") } : {};
    const content = response.content;
    if (!content || Object.keys(content).length === 0) {
      if (exampleName !== undefined) return errorAnswer(400, `Prefer: example=${exampleName}: the ${status} response of ${op.operationId} has no body.`);
      return { status, headers, body: undefined };
    }
    const media = content["application/json"] ?? content[Object.keys(content)[0]!]!;
    const examples = media.examples ?? {};
    if (exampleName !== undefined) {
      if (!Object.prototype.hasOwnProperty.call(examples, exampleName)) {
        const names = Object.keys(examples);
        return errorAnswer(
          400,
          `Prefer: example=${exampleName} is not an example of the ${status} response of ${op.operationId}; ` +
            (names.length ? `examples: ${names.join(", ")}.` : "it has no named examples."),
        );
      }
      return { status, headers, body: examples[exampleName]!.value ?? null };
    }
    const first = Object.values(examples)[0];
    if (first && "value" in first) return { status, headers, body: first.value };
    if (media.example !== undefined) return { status, headers, body: media.example };
    return { status, headers, body: api.mockResponseForOperation(op.operationId!, { code: status }).mock };
  }

  function parseBody(op: Operation, contentType: string | undefined, bytes: Buffer): { body?: unknown } | MockAnswer {
    const requestBody = op.requestBody as RequestBody | undefined;
    const content = requestBody?.content ?? {};
    const declared = Object.keys(content).map((k) => mediaType(k));
    if (bytes.length === 0) return {};
    let text: string;
    try {
      text = decodeUtf8(bytes);
    } catch {
      return errorAnswer(400, "The request body is not valid UTF-8.");
    }
    let type = mediaType(contentType);
    if (type === "") type = declared[0] ?? "application/json";
    const form = declared.find((d) => d === "application/x-www-form-urlencoded");
    const json = declared.find((d) => d === "application/json" || d.endsWith("+json"));
    const declaredKey = Object.keys(content).find((k) => mediaType(k) === (form ?? json));
    const media = declaredKey ? content[declaredKey] : undefined;
    const commaLists = new Set(Object.entries(media?.encoding ?? {}).filter(([, e]) => e.explode === false).map(([k]) => k));

    const parseJson = (): { body: unknown } | MockAnswer => {
      try {
        return { body: JSON.parse(text) as unknown };
      } catch (e) {
        return errorAnswer(400, `The request body is not valid JSON: ${(e as Error).message}`);
      }
    };

    if (type === "application/x-www-form-urlencoded") {
      if (!form && json) {
        // The docs' curl for the JSON operation sends its JSON with plain `-d`, i.e. as a form.
        return parseJson();
      }
      if (!form) return errorAnswer(415, `Content-Type ${type} is not accepted here; send ${declared.join(" or ")}.`);
      try {
        return { body: coerceForm(parseForm(text), media?.schema, commaLists) };
      } catch (e) {
        if (e instanceof ParseError) return errorAnswer(400, `The form body is malformed: ${e.message}`);
        throw e;
      }
    }
    if (type === "application/json" || type.endsWith("+json")) {
      const parsed = parseJson();
      if (isMockAnswer(parsed) || json) return parsed;
      // A JSON object for a form operation: accepted, string values coerced like form fields.
      const body = (parsed as { body: unknown }).body;
      if (typeof body === "object" && body !== null && !Array.isArray(body)) {
        return { body: coerceJsonObject(body as Record<string, unknown>, media?.schema, commaLists) };
      }
      return { body };
    }
    return errorAnswer(415, `Content-Type ${type} is not accepted here; send ${declared.join(" or ")}.`);
  }

  /** Everything between the raw request and the answer; no I/O. */
  function answer(method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): MockAnswer & { operationId?: string } {
    // CORS preflight, so the mock works from a browser page too.
    if (method === "OPTIONS" && headers.origin && headers["access-control-request-method"]) {
      return {
        status: 204,
        headers: {
          "access-control-allow-methods": "GET, POST, PUT, DELETE, PATCH",
          "access-control-allow-headers": "authorization, content-type, prefer",
          "access-control-max-age": "600",
        },
      };
    }
    let rawPath = url;
    let rawQuery = "";
    const q = url.indexOf("?");
    if (q >= 0) {
      rawPath = url.slice(0, q);
      rawQuery = url.slice(q + 1);
    }
    const hash = rawQuery.indexOf("#");
    if (hash >= 0) rawQuery = rawQuery.slice(0, hash);
    if (!rawPath.startsWith("/")) {
      // absolute-form request targets (`GET http://host/api/v1/...`)
      try {
        rawPath = new URL(rawPath).pathname;
      } catch {
        return errorAnswer(400, "The request URL is malformed.");
      }
    }
    const path = decodePath(rawPath);
    const notFound = () => errorAnswer(404, `No operation matches ${method} ${rawPath}. Operations live under ${basePath}, as in ${basePath}/livechat/operators.`);
    if (basePath !== "/" && path !== basePath && !path.startsWith(`${basePath}/`)) return notFound();

    const op = router.matchOperation({ method, path, headers: {} });
    if (!op) {
      const relative = router.normalizePath(path);
      const allowed = [...new Set(templates.filter((t) => t.pattern.test(relative)).map((t) => t.op.method.toUpperCase()))];
      if (allowed.length === 0) return notFound();
      return errorAnswer(405, `Method ${method} is not allowed on ${rawPath}; allowed: ${allowed.join(", ")}.`, { allow: allowed.join(", ") });
    }
    const operationId = op.operationId;
    const tag = (a: MockAnswer) => ({ ...a, ...(operationId ? { operationId } : {}) });

    if (requiresAuth(op)) {
      const auth = checkBasicAuth(headers.authorization);
      if (isAnswer(auth)) return tag(auth);
    }

    const prefer = parsePrefer(headers.prefer);
    const applied = [
      ...(prefer.code !== undefined ? [`code=${prefer.code}`] : []),
      ...(prefer.example !== undefined ? [`example=${prefer.example}`] : []),
    ];
    if (prefer.code !== undefined && !responseFor(op, prefer.code)) {
      return tag(exampleAnswer(op, prefer.code, prefer.example, applied));
    }
    // An error status asked for with Prefer wins over validation (after auth): you can simulate
    // a 403 or 500 without building a valid request. A success never hides a validation error.
    if (prefer.code !== undefined && prefer.code >= 300) return tag(exampleAnswer(op, prefer.code, prefer.example, applied));

    const declared = new Set(((op.parameters ?? []) as Parameter[]).filter((p) => p.in === "query").map((p) => p.name));
    const query: QueryValues = {};
    for (const [k, v] of Object.entries(parseQuery(rawQuery))) {
      // Undeclared query parameters are ignored, as the real API ignores them.
      if (declared.has(k)) query[k] = v;
    }

    let requestBody: unknown;
    if (op.requestBody) {
      const parsed = parseBody(op, header(headers, "content-type"), body);
      if (isMockAnswer(parsed)) return tag(parsed as MockAnswer);
      requestBody = (parsed as { body?: unknown }).body;
    }

    const headerParams: Record<string, string> = {};
    for (const p of (op.parameters ?? []) as Parameter[]) {
      if (p.in !== "header") continue;
      const v = header(headers, p.name.toLowerCase());
      if (v !== undefined) headerParams[p.name.toLowerCase()] = v;
    }
    if (op.requestBody) headerParams["content-type"] = "application/json"; // body always validated (already parsed)

    const result = api.validateRequest({ method, path, query, headers: headerParams, body: requestBody } as never, op);
    if (!result.valid) return tag(errorAnswer(400, describe((result.errors ?? []) as ErrorObject[])));

    return tag(exampleAnswer(op, prefer.code ?? successStatus(op), prefer.example, applied));
  }

  function send(res: ServerResponse, a: MockAnswer): void {
    if (res.headersSent || res.destroyed) return;
    const headers: Record<string, string | number> = { ...CORS_HEADERS, ...(a.headers ?? {}) };
    let payload: Buffer | undefined;
    if (a.body !== undefined) {
      payload = Buffer.from(JSON.stringify(a.body), "utf8");
      headers["content-type"] = "application/json; charset=utf-8";
    }
    headers["content-length"] = payload?.length ?? 0;
    res.writeHead(a.status, headers);
    res.end(payload);
  }

  /** Reads the body up to the limit and drains the rest; never rejects. */
  function readBody(req: IncomingMessage): Promise<{ bytes: Buffer; tooLarge: boolean; aborted: boolean }> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = Number(req.headers["content-length"] ?? 0) > bodyLimit;
      const done = (aborted: boolean) => resolve({ bytes: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge, aborted });
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > bodyLimit) tooLarge = true;
        if (!tooLarge) chunks.push(chunk);
      });
      req.on("end", () => done(false));
      req.on("error", () => done(true));
      req.on("aborted", () => done(true));
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on("error", () => {});
    const method = (req.method ?? "GET").toUpperCase();
    const url = req.url ?? "/";
    const { bytes, tooLarge, aborted } = await readBody(req);
    if (aborted) return;
    let a: MockAnswer & { operationId?: string };
    if (tooLarge) {
      a = errorAnswer(413, `The request body is larger than the limit of ${bodyLimit} bytes.`);
    } else {
      try {
        a = answer(method, url, req.headers, bytes);
      } catch (e) {
        a = e instanceof ParseError ? errorAnswer(400, e.message) : errorAnswer(500, `The mock server failed: ${(e as Error)?.message ?? String(e)}`);
      }
    }
    send(res, a);
    options.onRequest?.({ method, url, status: a.status, ...(a.operationId ? { operationId: a.operationId } : {}) });
  }

  const listener = ((req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      try {
        send(res, errorAnswer(500, "The mock server failed."));
      } catch {
        res.destroy();
      }
    });
  }) as MockHandler;
  listener.basePath = basePath;
  return listener;
}
