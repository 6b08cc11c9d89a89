// From an answer to what a call returns: openapi-fetch's `{ data, error, response }`, with a 2xx
// body parsed here (so a broken one is a typed error), an error body redacted, and the typed
// error thrown where the call asks for one.
import { Comm100InvalidResponseError, createApiError } from "./errors.js";
import type { Answer } from "./transport.js";
import { redactHeaders, redactValue, type Redact } from "./internal/redact.js";
import { reviveDates } from "./internal/revive-dates.js";

/** What a call resolves to (openapi-fetch's shape). */
export interface Result {
  data?: any;
  error?: any;
  response: Response;
}

let utf8: TextDecoder | undefined; // made on first use: nothing is built while the module loads

/**
 * The data of a 2xx body: the one place where a successful answer's text becomes a value (an
 * empty body is `undefined`). Throws a SyntaxError for text that is not JSON. With `dates` (the
 * operation's "METHOD path"), the fields the spec marks Comm100Date become `Date`s, and `bad` is
 * called for one that is not a date.
 */
export function parseData(text: string, dates?: string, bad?: (at: string, value: unknown) => never): unknown {
  const data = text ? JSON.parse(text) : undefined;
  return dates && bad ? reviveDates(data, dates, bad) : data;
}

/**
 * An answer as openapi-fetch would give it with `parseAs: "text"`: no body for a 204, a HEAD or
 * `Content-Length: 0`; a 2xx body as text; an error body as JSON when it is JSON, else as text.
 */
export function resultOf(a: Answer, method: string): Result {
  const { response } = a;
  const empty =
    response.status === 204 ||
    method === "HEAD" ||
    (response.headers.get("content-length") === "0" && !response.headers.get("transfer-encoding")?.includes("chunked"));
  if (empty) return response.ok ? { data: undefined, response } : { error: undefined, response };
  const text = a.bytes ? (utf8 ??= new TextDecoder()).decode(a.bytes) : "";
  if (response.ok) return { data: text, response };
  try {
    return { error: JSON.parse(text), response };
  } catch {
    return { error: text, response };
  }
}

/**
 * A Response over the buffered body, for openapi-fetch and middleware (they read it once more):
 * the fetch's status, headers and url.
 */
export function replay(a: Answer): Response {
  const r = new Response(a.bytes as BodyInit | null, {
    status: a.response.status,
    statusText: a.response.statusText,
    headers: a.response.headers,
  });
  Object.defineProperty(r, "url", { value: a.url });
  // Response.bytes() is missing on runtimes the client supports (Node 18)
  if ((r as { bytes?: unknown }).bytes === undefined)
    Object.defineProperty(r, "bytes", { value: async () => new Uint8Array(await r.arrayBuffer()) });
  return r;
}

export interface SettleContext {
  method: string;
  /** The operation's path template (with `method`, which operation answered). */
  path: string;
  /** The URL asked for, for a Response that has none. */
  url: string;
  redact: Redact;
  /** The 2xx body is text still to be parsed (the call did not choose its own `parseAs`). */
  parse: boolean;
  /** Throw the typed error for a non-2xx answer (the resource style, `throwOnError`). */
  throws: boolean;
  /** `dates: "date"`: the spec's date fields of a 2xx body become `Date`s. */
  dates: boolean;
  /** The call in errors: "chats.list" or "GET /livechat/chats". */
  name: string;
}

/** Parses the 2xx body, redacts the error body and throws the typed errors the call asks for. */
export function settle(res: Result, ctx: SettleContext): Result {
  const { response } = res;
  if (ctx.parse && typeof res.data === "string") {
    const text = res.data;
    const bad = (at: string, value: unknown): never => {
      const v = typeof value === "string" ? ctx.redact(JSON.stringify(value)) : Array.isArray(value) ? "an array" : typeof value;
      throw invalid(res, ctx, `${ctx.name}: \`${at}\` is not a /Date(n)/ or ISO 8601 date (dates: "date"): ${v}`, ctx.redact(text));
    };
    try {
      res.data = parseData(text, ctx.dates ? `${ctx.method} ${ctx.path}` : undefined, bad);
    } catch (e) {
      if (e instanceof Comm100InvalidResponseError) throw e;
      throw invalid(res, ctx, `The ${response.status} response is not valid JSON`, ctx.redact(text));
    }
  }
  if (!response.ok) {
    try {
      res.error = redactValue(res.error, ctx.redact);
    } catch {
      throw invalid(res, ctx, `The ${response.status} response's JSON is nested too deeply to read`, undefined);
    }
    if (ctx.throws)
      throw createApiError(response.status, res.error, ctx.method, errorUrl(res, ctx), response.statusText, errorHeaders(res, ctx));
  }
  return res;
}

function invalid(res: Result, ctx: SettleContext, message: string, body: unknown) {
  const { status } = res.response;
  return new Comm100InvalidResponseError({
    status,
    message,
    method: ctx.method,
    url: errorUrl(res, ctx),
    body,
    headers: errorHeaders(res, ctx),
  });
}

/** The URL for an error: without credentials, the key redacted. */
function errorUrl(res: Result, ctx: SettleContext): string {
  const url = new URL(res.response.url || ctx.url);
  url.username = url.password = "";
  return ctx.redact(url.href);
}

const errorHeaders = (res: Result, ctx: SettleContext) => redactHeaders(res.response.headers, ctx.redact);
