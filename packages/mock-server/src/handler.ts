// The request pipeline, with no I/O: route -> auth -> account checks (quota) -> Prefer ->
// parse and validate -> answer (stateful resource, or the documented example).
import type { IncomingHttpHeaders } from "node:http";
import { OpenAPIBackend, type Document, type Operation } from "openapi-backend";
import type { ErrorObject } from "ajv";
import { documentedAnswer, responseKeyFor, successStatus } from "./answer.js";
import { readBasicAuth, type Credentials } from "./auth.js";
import { parseRequestBody } from "./body.js";
import { errorAnswer, isMockAnswer, ParseError, type MockAnswer, type OperationAnswer } from "./errors.js";
import { parsePrefer, parseQuery, type QueryValues } from "./parse.js";
import { basePathOf, type OpenAPIDocument } from "./spec.js";
import { createAjv2020, describeValidationErrors } from "./validate.js";

/** A request that passed routing, auth and validation, as the answering stage sees it. */
export interface ValidRequest {
  op: Operation;
  operationId: string;
  method: string;
  credentials?: Credentials;
  /** Path parameters, coerced to their schema types. */
  params: Record<string, unknown>;
  /** Declared query parameters, coerced to their schema types. */
  query: Record<string, unknown>;
  body: unknown;
}

/** What turns the example-answering pipeline into a stateful one (see `state/`). */
export interface Behaviour {
  /** After Basic auth was read: an answer (401) refuses the credentials. */
  authorize?(credentials: Credentials): MockAnswer | undefined;
  /** Before Prefer and validation, once per operation call: the daily quota. */
  admit?(op: Operation, credentials: Credentials | undefined): MockAnswer | undefined;
  /** The answer for a valid request; `undefined` falls back to the documented example. */
  answer?(request: ValidRequest): MockAnswer | undefined;
}

type ParameterObject = { name: string; in: string };
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"];

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
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
        return decodeURIComponent(seg).replaceAll("%", "%25").replaceAll("/", "%2F");
      } catch {
        throw new ParseError("The URL path is not valid percent-encoding.");
      }
    })
    .join("/");
}

function requiresAuth(op: Operation): boolean {
  const security = (op.security ?? []) as Array<Record<string, unknown>>;
  return security.length > 0 && !security.some((r) => Object.keys(r).length === 0);
}

/** The OpenAPI machinery for one spec: openapi-backend in quick mode (the one that loads 3.1). */
export function createBackend(spec: OpenAPIDocument): { api: OpenAPIBackend; basePath: string; ready: Promise<unknown> } {
  const basePath = basePathOf(spec);
  const api = new OpenAPIBackend({
    definition: spec as unknown as Document,
    apiRoot: basePath,
    quick: true,
    strict: true,
    validate: true,
    coerceTypes: true,
    customizeAjv: (_ajv, ajvOptions) => createAjv2020(ajvOptions) as never,
  });
  return { api, basePath, ready: api.init() };
}

/** Everything between the raw request and the answer. */
export function createPipeline(api: OpenAPIBackend, basePath: string, behaviour: Behaviour = {}) {
  const router = api.router;

  function route(method: string, path: string, rawPath: string): Operation | MockAnswer {
    const notFound = () =>
      errorAnswer(
        404,
        `No operation matches ${method} ${rawPath}. Operations live under ${basePath}, as in ${basePath}/livechat/operators.`,
      );
    try {
      return router.matchOperation({ method, path, headers: {} }, true) as Operation;
    } catch (e) {
      if (!String((e as Error).message).startsWith("405")) return notFound();
      const allowed = METHODS.filter((m) => router.matchOperation({ method: m, path, headers: {} }));
      return errorAnswer(405, `Method ${method} is not allowed on ${rawPath}; allowed: ${allowed.join(", ")}.`, {
        allow: allowed.join(", "),
      });
    }
  }

  return function answer(method: string, url: string, headers: IncomingHttpHeaders, bytes: Buffer): OperationAnswer {
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
    const { rawPath, rawQuery } = splitTarget(url);
    if (rawPath === undefined) return errorAnswer(400, "The request URL is malformed.");
    const path = decodePath(rawPath);
    const matched = route(method, path, rawPath);
    if (isMockAnswer(matched)) return matched;
    const op = matched;
    const operationId = op.operationId!;
    const tag = (a: MockAnswer): OperationAnswer => ({ ...a, operationId });

    let credentials: Credentials | undefined;
    if (requiresAuth(op)) {
      const auth = readBasicAuth(headers.authorization);
      if (isMockAnswer(auth)) return tag(auth);
      const refused = behaviour.authorize?.(auth);
      if (refused) return tag(refused);
      credentials = auth;
    }
    const refused = behaviour.admit?.(op, credentials);
    if (refused) return tag(refused);

    const prefer = parsePrefer(headers.prefer);
    const applied = [
      ...(prefer.code !== undefined ? [`code=${prefer.code}`] : []),
      ...(prefer.example !== undefined ? [`example=${prefer.example}`] : []),
    ];
    // An error status asked for with Prefer wins over validation (after auth): you can simulate
    // a 403 or 500 without building a valid request. A success never hides a validation error.
    if (prefer.code !== undefined && (responseKeyFor(op, prefer.code) === undefined || prefer.code >= 300)) {
      return tag(documentedAnswer(api, op, prefer.code, prefer.example, applied));
    }

    const parameters = (op.parameters ?? []) as ParameterObject[];
    const declared = new Set(parameters.filter((p) => p.in === "query").map((p) => p.name));
    const query: QueryValues = {};
    for (const [k, v] of Object.entries(parseQuery(rawQuery))) {
      // Undeclared query parameters are ignored, as the real API ignores them.
      if (declared.has(k)) query[k] = v;
    }
    let body: unknown;
    if (op.requestBody) {
      const parsed = parseRequestBody(op, header(headers, "content-type"), bytes);
      if (isMockAnswer(parsed)) return tag(parsed);
      body = parsed.body;
    }
    const headerParams: Record<string, string> = {};
    for (const p of parameters) {
      if (p.in !== "header") continue;
      const v = header(headers, p.name.toLowerCase());
      if (v !== undefined) headerParams[p.name.toLowerCase()] = v;
    }
    if (op.requestBody) headerParams["content-type"] = "application/json"; // the body is already parsed

    const request = { method, path, query, headers: headerParams, body };
    const result = api.validateRequest(request as never, op);
    if (!result.valid) return tag(errorAnswer(400, describeValidationErrors((result.errors ?? []) as ErrorObject[])));

    if (prefer.code === undefined && prefer.example === undefined && behaviour.answer) {
      // openapi-backend hands back the path and query values coerced to their schema types.
      const coerced = result.coerced as { params?: Record<string, unknown>; query?: Record<string, unknown> };
      const stateful = behaviour.answer({
        op,
        operationId,
        method,
        ...(credentials ? { credentials } : {}),
        params: coerced.params ?? {},
        query: coerced.query ?? {},
        body,
      });
      if (stateful) return tag(stateful);
    }
    return tag(documentedAnswer(api, op, prefer.code ?? successStatus(op), prefer.example, applied));
  };
}

/** Splits a request target into its raw path and query (absolute-form targets too). */
export function splitTarget(url: string): { rawPath: string | undefined; rawQuery: string } {
  let rawPath: string | undefined = url;
  let rawQuery = "";
  const q = url.indexOf("?");
  if (q >= 0) {
    rawPath = url.slice(0, q);
    rawQuery = url.slice(q + 1);
  }
  const hash = rawQuery.indexOf("#");
  if (hash >= 0) rawQuery = rawQuery.slice(0, hash);
  if (!rawPath.startsWith("/")) {
    try {
      rawPath = new URL(rawPath).pathname;
    } catch {
      rawPath = undefined;
    }
  }
  return { rawPath, rawQuery };
}
