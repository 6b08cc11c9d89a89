import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "@comm100-sdk/types";
import { Comm100ConfigError, Comm100InvalidResponseError, createApiError } from "./errors.js";
import { itemsOf, pagesOf } from "./pages.js";
import { Comm100Promise } from "./response-promise.js";
import { DEFAULT_DOMAIN, DOMAINS, OPERATIONS, type Comm100Domain, type OperationRow } from "./generated/meta.js";
import type { Comm100Resources } from "./generated/resources.js";
import type { RequestOptions } from "./resource-types.js";
import type { Comm100Limits } from "./quota/limits.js";
import type { QuotaSnapshot } from "./quota/meter.js";
import { positive, retryPolicy, type RetryPolicy } from "./internal/options.js";
import { prepareParams } from "./internal/params.js";
import { base64, redactHeaders, redactor, redactValue, type Redact } from "./internal/redact.js";
import { serializeQuery } from "./internal/query.js";
import { envVar } from "./internal/env.js";
import { createLog, LOG_LEVELS } from "./internal/log.js";
import { createTransport, isLoopback, type Comm100Logger, type Comm100LogLevel, type RetryOptions } from "./transport.js";

export interface Comm100ClientOptions {
  /**
   * Your Control Panel domain, mapped to `https://<domain>/api/v1`. Default: `COMM100_DOMAIN` (or
   * `COMM100_BASE_URL` for `baseUrl`) where there is an environment, else `hosted.comm100.com`.
   */
  domain?: Comm100Domain;
  /** Instead of `domain`: e.g. a mock or proxy, `http://127.0.0.1:4010/api/v1`. `http:` only for loopback hosts. */
  baseUrl?: string;
  /** The agent's email (the Basic auth user name). Default: `COMM100_EMAIL` where there is an environment. */
  email?: string;
  /** The agent's API key (the Basic auth password); default `COMM100_API_KEY`. Never logged, never in errors. */
  apiKey?: string;
  /** A fetch to use instead of `globalThis.fetch` (looked up at call time). */
  fetch?: (input: Request) => Promise<Response>;
  /** Timeout of each attempt in ms, reading the body included (default 60000). */
  timeoutMs?: number;
  /** Retries by the policy of the README (reads on connection errors and 5xx, writes only when the server did not act); `false` disables. */
  retry?: RetryOptions | false;
  /** Cap of one response body in decoded bytes (default 50 MiB); a larger one ends in `Comm100InvalidResponseError`. */
  maxResponseBytes?: number;
  /** Make the request style (`GET`, `POST`...) throw `Comm100ApiError`s too, like the resource style. */
  throwOnError?: boolean;
  /** openapi-fetch middleware, in order. It never sees the Authorization header (added below it). */
  middleware?: Middleware[];
  /** Receives redacted events (request and response: `debug`; retry: `info`). Default: the console when `logLevel` is set. */
  logger?: Comm100Logger;
  /** The events to log; default `COMM100_LOG`, else every event when `logger` is given and none without. */
  logLevel?: Comm100LogLevel;
  /**
   * Concurrency and rate limits and a daily request budget, applied to every attempt (retries
   * included) of both styles: `createLimits(...)` from `@comm100-sdk/client/quota`.
   */
  limits?: Comm100Limits;
}

/** The request style: openapi-fetch's methods, typed from the spec. */
export type Comm100RequestClient = Pick<Client<paths>, "GET" | "POST" | "PUT" | "DELETE" | "use" | "eject">;
/** What `createComm100Client` returns: the request style and the resource style. */
export type Comm100Client = Comm100RequestClient &
  Comm100Resources & {
    /** Today's count of the daily budget as this client last saw it (`undefined` without `limits.quota`). */
    readonly quota: QuotaSnapshot | undefined;
  };

const FORM = "application/x-www-form-urlencoded";
const enc = (v: unknown) => encodeURIComponent(String(v)).replace(/%20/g, "+");

/**
 * `application/x-www-form-urlencoded`: `undefined`/`null` fields are left out; arrays of list
 * fields (`encoding.explode: false` in the spec) are joined with a literal comma, each item
 * encoded (`departments: [1, 2]` -> `departments=1,2`, as the docs send it); other arrays repeat
 * the key; spaces become `+`.
 */
export function formEncode(body: Record<string, unknown>, listFields: readonly string[] = []): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(body ?? {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      if (listFields.includes(k)) out.push(`${enc(k)}=${v.map(enc).join(",")}`);
      else for (const x of v) out.push(`${enc(k)}=${enc(x)}`);
    } else out.push(`${enc(k)}=${enc(v)}`);
  }
  return out.join("&");
}

const DEFAULT_RETRY: RetryPolicy = { retries: 2, minDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000 };

/** The base URL without trailing slashes (a loop: `/\/+$/` backtracks on a run of slashes). */
function trimSlashes(href: string): string {
  let end = href.length;
  while (href[end - 1] === "/") end--;
  return href.slice(0, end);
}

/** Creates a Comm100 API v1 client. Throws `Comm100ConfigError` for bad options, before any request. */
export function createComm100Client(options: Comm100ClientOptions = {}): Comm100Client {
  const given = (options ?? {}) as Comm100ClientOptions;
  // Left-out credentials and host come from the environment (none in a browser).
  const fromEnv = given.domain === undefined && given.baseUrl === undefined;
  const o = {
    ...given,
    email: given.email ?? envVar("COMM100_EMAIL"),
    apiKey: given.apiKey ?? envVar("COMM100_API_KEY"),
    domain: fromEnv ? (envVar("COMM100_DOMAIN") as Comm100Domain | undefined) : given.domain,
    baseUrl: fromEnv ? envVar("COMM100_BASE_URL") : given.baseUrl,
    logLevel: given.logLevel ?? (envVar("COMM100_LOG") as Comm100LogLevel | undefined),
  };
  const apiKey = o.apiKey;
  let redact: Redact = (text) => text;
  const fail = (message: string): never => {
    throw new Comm100ConfigError(redact(message));
  };

  if (typeof o.email !== "string" || !o.email) fail("`email` is required: the agent's email address (or set COMM100_EMAIL)");
  if (typeof apiKey !== "string" || !apiKey) fail("`apiKey` is required: the agent's API key (or set COMM100_API_KEY)");
  const credential = base64(`${o.email}:${apiKey}`);
  const authorization = `Basic ${credential}`;
  redact = redactor(apiKey!, [credential]);
  if (o.domain !== undefined && o.baseUrl !== undefined)
    fail(fromEnv ? "COMM100_DOMAIN and COMM100_BASE_URL are both set: set one" : "Pass either `domain` or `baseUrl`, not both");
  if (o.logLevel !== undefined && !LOG_LEVELS.includes(o.logLevel))
    fail(`\`logLevel\` (or COMM100_LOG) must be one of ${LOG_LEVELS.join(", ")}; got ${JSON.stringify(o.logLevel)}`);
  let baseUrl: string;
  if (o.baseUrl !== undefined) {
    let u: URL | undefined;
    try {
      u = new URL(String(o.baseUrl));
    } catch {
      fail("`baseUrl` is not a valid absolute URL");
    }
    const url = u!;
    if (url.username || url.password) fail("`baseUrl` must not contain credentials: use `email` and `apiKey`");
    if (url.search || url.hash) fail("`baseUrl` must not have a query or fragment");
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname)))
      fail(`\`baseUrl\` must use https (http is allowed only for localhost, 127.0.0.0/8 and [::1]); got ${url.protocol}//${url.host}`);
    baseUrl = trimSlashes(url.href);
  } else {
    const domain = o.domain ?? DEFAULT_DOMAIN;
    if (!(DOMAINS as readonly string[]).includes(domain))
      fail(`Unknown \`domain\` ${JSON.stringify(domain)}; expected one of ${DOMAINS.join(", ")} (or pass \`baseUrl\`)`);
    baseUrl = `https://${domain}/api/v1`;
  }
  const timeoutMs = positive(o.timeoutMs === undefined ? 60_000 : o.timeoutMs, "timeoutMs", fail);
  const maxResponseBytes = positive(o.maxResponseBytes === undefined ? 50 * 2 ** 20 : o.maxResponseBytes, "maxResponseBytes", fail);
  const retry = retryPolicy(o.retry, DEFAULT_RETRY, fail);
  // the daily quota is counted per account: base URL and (case-insensitive) email
  const account = `${baseUrl} ${o.email!.toLowerCase()}`;

  const client = createClient<paths>({
    baseUrl,
    querySerializer: serializeQuery,
    fetch: createTransport({
      fetch: o.fetch,
      authorization,
      timeoutMs,
      retry,
      maxResponseBytes,
      log: createLog(o.logger, o.logLevel),
      redact,
      limits: o.limits,
      account,
    }),
  });
  // Middleware may make a new Request: it then carries only the Request's own signal, so with
  // middleware the caller's signal stays on the Request (see `send`).
  let middlewares = o.middleware?.length ?? 0;
  if (middlewares) {
    try {
      client.use(...o.middleware!);
    } catch (e) {
      fail(`\`middleware\`: ${(e as Error).message}`);
    }
  }

  // Per operation, computed once, by "METHOD path": the list fields of form bodies, and the
  // operations that must never be repeated (`x-comm100-idempotent: false` in the spec).
  const forms = new Map<string, string[]>();
  const once = new Set<string>();
  for (const [, , m, path, flags, lists] of OPERATIONS) {
    if ((flags & 3) === 1) forms.set(`${m} ${path}`, lists ? lists.split(",") : []);
    if (flags & 8) once.add(`${m} ${path}`);
  }

  /** A parsed error body with the key redacted everywhere; too deep to walk: a typed error. */
  function errorBody(body: unknown, status: number, method: string, url: string, headers: Headers) {
    try {
      return redactValue(body, redact);
    } catch {
      throw new Comm100InvalidResponseError({
        status,
        message: `The ${status} response's JSON is nested too deeply to read`,
        method,
        url,
        body: undefined,
        headers,
      });
    }
  }

  /**
   * The request style, plus the spec's body encoding per operation. `label` (the resource style's
   * "ns.method") makes it throw `Comm100ApiError`s like the resource style.
   */
  async function send(method: string, path: string, init: Record<string, any> = {}, label?: string) {
    const op = `${method} ${path}`;
    const call = label ?? op;
    const refuse = (m: string): never => fail(`${call}: ${m}`);
    const lists = forms.get(op);
    const p = prepareParams(call, path, init.params, init.body, lists);
    if (init.timeoutMs !== undefined) positive(init.timeoutMs, "timeoutMs", refuse);
    // checked even where it cannot apply (an operation never repeated): a bad value is a mistake anyway
    const policy = retryPolicy(init.retry, retry, refuse);
    const signal = init.signal ?? null;
    if (signal !== null && !(signal instanceof AbortSignal)) refuse("`signal` must be an AbortSignal");
    // Parse JSON here rather than in openapi-fetch, so a 2xx with a broken body becomes a typed error.
    const own = init.parseAs === undefined;
    // Without middleware the caller's signal goes to the transport only (`callerSignal`): given to
    // each Request, it gets one listener per call until the Request is collected
    // (MaxListenersExceededWarning with many calls sharing it).
    let sent: Record<string, any> = {
      ...init,
      params: { ...init.params, path: p.path, query: p.query },
      body: p.body,
      signal: middlewares > 0 || init.middleware ? signal : undefined,
      callerSignal: signal,
      retryPolicy: !once.has(op) && policy,
      ...(own && { parseAs: "text" }),
    };
    if (lists && p.body !== undefined) {
      const h = init.headers;
      sent = {
        ...sent,
        bodySerializer: (b: Record<string, unknown>) => formEncode(b, lists),
        headers: { "Content-Type": FORM, ...(h instanceof Headers ? Object.fromEntries(h) : h) },
      };
    }
    let res: any;
    try {
      res = await (client.request as any)(method, path, sent);
    } catch (e) {
      // Arguments that cannot be sent (lone surrogates, symbols, BigInt in JSON, a bad header value)
      // fail while the Request is built; the transport itself only throws Comm100 errors.
      if (!signal?.aborted && (e instanceof TypeError || e instanceof URIError)) refuse(`invalid arguments: ${e.message}`);
      throw e;
    }
    const response: Response = res.response;
    const { status } = response;
    const headers = redactHeaders(response.headers, redact);
    const url = new URL(response.url || baseUrl + path);
    url.username = url.password = "";
    const errorUrl = redact(url.href);
    if (own && typeof res.data === "string") {
      try {
        res.data = res.data ? JSON.parse(res.data) : undefined;
      } catch {
        throw new Comm100InvalidResponseError({
          status,
          message: `The ${status} response is not valid JSON`,
          method,
          url: errorUrl,
          body: redact(res.data),
          headers,
        });
      }
    }
    if (!response.ok) {
      res.error = errorBody(res.error, status, method, errorUrl, headers);
      if (label || o.throwOnError) throw createApiError(status, res.error, method, errorUrl, response.statusText, headers);
    }
    return res;
  }

  const api: Record<string, any> = {
    GET: (path: string, init?: object) => send("GET", path, init),
    POST: (path: string, init?: object) => send("POST", path, init),
    PUT: (path: string, init?: object) => send("PUT", path, init),
    DELETE: (path: string, init?: object) => send("DELETE", path, init),
    use(...m: Middleware[]) {
      client.use(...m);
      middlewares += m.length;
    },
    eject(...m: Middleware[]) {
      client.eject(...m);
      middlewares -= m.length;
    },
    get quota() {
      return o.limits?.quota(account);
    },
  };

  for (const row of OPERATIONS) {
    const [ns, name, method, path, flags, , queryNames, itemsKey] = row;
    const names = (path.match(/\{[^{}]+\}/g) ?? []).map((s) => s.slice(1, -1));
    const kind = flags & 3;
    const q = queryNames ? queryNames.split(",") : [];
    const run = (...args: any[]) => {
      const pathParams: Record<string, unknown> = {};
      for (const [i, n] of names.entries()) pathParams[n] = args[i];
      const params = args[names.length];
      const opts: RequestOptions = args[names.length + 1] ?? {};
      let query: Record<string, unknown> | undefined;
      let body: unknown;
      if (kind === 3) body = params;
      else if (kind === 0) query = params;
      else if (params) {
        const b: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(params)) (q.includes(k) ? (query ??= {}) : b)[k] = v;
        body = b;
      }
      const { signal, headers, timeoutMs, retry } = opts;
      return send(method, path, { params: { path: pathParams, query }, body, signal, headers, timeoutMs, retry }, `${ns}.${name}`);
    };
    const target = (api[ns] ??= {});
    target[name] = (...args: any[]) => new Comm100Promise(run(...args));
    if (itemsKey) {
      const pages = (label: string, args: any[]) => pagesOf(run, args, names.length, itemsKey, `${ns}.${name}${label}`, redact);
      target[`${name}Pages`] = (...args: any[]) => pages("Pages", args);
      target[`${name}All`] = (...args: any[]) => itemsOf(pages("All", args));
    }
  }
  return api as Comm100Client;
}

export type { OperationRow };
