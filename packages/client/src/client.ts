import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "@comm100-sdk/types";
import { Comm100ConfigError, Comm100InvalidResponseError, createApiError } from "./errors.js";
import { DEFAULT_DOMAIN, DOMAINS, OPERATIONS, type Comm100Domain, type OperationRow } from "./generated/meta.js";
import type { Comm100Resources } from "./generated/resources.js";
import type { RequestOptions } from "./resource-types.js";
import type { Comm100Limits } from "./quota/limits.js";
import type { QuotaSnapshot } from "./quota/meter.js";
import { prepareParams } from "./internal/params.js";
import { serializeQuery } from "./internal/query.js";
import { createTransport, isLoopback, type Comm100Logger, type RetryOptions } from "./transport.js";

export interface Comm100ClientOptions {
  /** Your Control Panel domain (default `hosted.comm100.com`), mapped to `https://<domain>/api/v1`. */
  domain?: Comm100Domain;
  /** Instead of `domain`: e.g. a mock or proxy, `http://127.0.0.1:4010/api/v1`. `http:` only for loopback hosts. */
  baseUrl?: string;
  /** The agent's email (the Basic auth user name). */
  email: string;
  /** The agent's API key (the Basic auth password). Never logged, never in errors. */
  apiKey: string;
  /** A fetch to use instead of `globalThis.fetch` (looked up at call time). */
  fetch?: (input: Request) => Promise<Response>;
  /** Timeout of each attempt in ms, reading the body included (default 60000). */
  timeoutMs?: number;
  /** Retries of idempotent calls (GET, PUT, DELETE) on connection errors and 500/502/503/504; `false` disables. */
  retry?: RetryOptions | false;
  /** Make the request style (`GET`, `POST`...) throw `Comm100ApiError`s too, like the resource style. */
  throwOnError?: boolean;
  /** openapi-fetch middleware, in order. It never sees the Authorization header (added below it). */
  middleware?: Middleware[];
  /** Receives redacted debug events (request, response, retry). */
  logger?: Comm100Logger;
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

function basic(email: string, apiKey: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(`${email}:${apiKey}`)) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

/** Creates a Comm100 API v1 client. Throws `Comm100ConfigError` for bad options, before any request. */
export function createComm100Client(options: Comm100ClientOptions): Comm100Client {
  const o = (options ?? {}) as Partial<Comm100ClientOptions>;
  const apiKey = o.apiKey;
  const secrets = typeof apiKey === "string" && apiKey.length >= 4 ? [apiKey] : [];
  const redact = (text: string) => secrets.reduce((s, x) => s.split(x).join("[REDACTED]"), text);
  const fail = (message: string): never => {
    throw new Comm100ConfigError(redact(message));
  };

  if (typeof o.email !== "string" || !o.email) fail("`email` is required: the agent's email address");
  if (typeof apiKey !== "string" || !apiKey) fail("`apiKey` is required: the agent's API key");
  if (o.domain !== undefined && o.baseUrl !== undefined) fail("Pass either `domain` or `baseUrl`, not both");
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
    baseUrl = url.href.replace(/\/+$/, "");
  } else {
    const domain = o.domain ?? DEFAULT_DOMAIN;
    if (!(DOMAINS as readonly string[]).includes(domain))
      fail(`Unknown \`domain\` ${JSON.stringify(domain)}; expected one of ${DOMAINS.join(", ")} (or pass \`baseUrl\`)`);
    baseUrl = `https://${domain}/api/v1`;
  }
  const timeoutMs = o.timeoutMs ?? 60_000;
  if (!(typeof timeoutMs === "number" && timeoutMs > 0)) fail("`timeoutMs` must be a positive number");
  const r = o.retry ?? {};
  const retries = r === false ? 0 : (r.retries ?? 2);
  if (!Number.isInteger(retries) || retries < 0) fail("`retry.retries` must be a non-negative integer");
  const authorization = basic(o.email!, apiKey!);
  // the daily quota is counted per account: base URL and (case-insensitive) email
  const account = `${baseUrl} ${o.email!.toLowerCase()}`;
  secrets.push(authorization.slice(6));

  const client = createClient<paths>({
    baseUrl,
    querySerializer: serializeQuery,
    fetch: createTransport({
      fetch: o.fetch,
      authorization,
      timeoutMs,
      retry: r === false ? false : { retries, minDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000, ...r },
      logger: o.logger,
      redact,
      limits: o.limits,
      account,
    }),
  });
  if (o.middleware?.length) {
    try {
      client.use(...o.middleware);
    } catch (e) {
      fail(`\`middleware\`: ${(e as Error).message}`);
    }
  }

  // Per operation, computed once: the list fields of form-encoded bodies, by "METHOD path".
  const forms = new Map<string, string[]>();
  for (const row of OPERATIONS) if ((row[4] & 3) === 1) forms.set(`${row[2]} ${row[3]}`, row[5] ? row[5].split(",") : []);

  /**
   * The request style, plus the spec's body encoding per operation. `label` (the resource style's
   * "ns.method") makes it throw `Comm100ApiError`s like the resource style.
   */
  async function send(method: string, path: string, init: Record<string, any> = {}, label?: string) {
    const lists = forms.get(`${method} ${path}`);
    const p = prepareParams(label ?? `${method} ${path}`, path, init.params, init.body, lists);
    // Parse JSON here rather than in openapi-fetch, so a 2xx with a broken body becomes a typed error.
    const own = init.parseAs === undefined;
    // `callerSignal` tells the transport whether there is a signal of the caller's to follow.
    let sent: Record<string, any> = {
      ...init,
      params: { ...init.params, path: p.path, query: p.query },
      body: p.body,
      callerSignal: init.signal ?? null,
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
      // Arguments that cannot be sent (lone surrogates, symbols, BigInt in JSON, a bad header value or
      // signal) fail while the Request is built; the transport itself only throws Comm100 errors.
      const aborted = init.signal instanceof AbortSignal && init.signal.aborted;
      if (!aborted && (e instanceof TypeError || e instanceof URIError))
        throw new Comm100ConfigError(redact(`${method} ${path}: invalid arguments: ${e.message}`));
      throw e;
    }
    const errorUrl = () => {
      const url = new URL(res.response.url || baseUrl + path);
      url.username = url.password = "";
      return url.href;
    };
    if (own && typeof res.data === "string") {
      try {
        res.data = res.data ? JSON.parse(res.data) : undefined;
      } catch {
        const { status } = res.response;
        throw new Comm100InvalidResponseError({ status, message: `The ${status} response is not valid JSON`, method, url: errorUrl(), body: redact(res.data) });
      }
    }
    if ((label || o.throwOnError) && !res.response.ok) {
      let body = res.error;
      const json = typeof body === "string" ? body : JSON.stringify(body);
      if (json && secrets.some((s) => json.includes(s))) body = typeof body === "string" ? redact(body) : JSON.parse(redact(json));
      throw createApiError(res.response.status, body, method, errorUrl(), res.response.statusText);
    }
    return res;
  }

  const api: Record<string, any> = {
    GET: (path: string, init?: object) => send("GET", path, init),
    POST: (path: string, init?: object) => send("POST", path, init),
    PUT: (path: string, init?: object) => send("PUT", path, init),
    DELETE: (path: string, init?: object) => send("DELETE", path, init),
    use: client.use,
    eject: client.eject,
    get quota() {
      return o.limits?.quota(account);
    },
  };

  for (const row of OPERATIONS) {
    const [ns, name, method, path, flags, , queryNames, itemsKey] = row;
    const names = (path.match(/\{[^}]+\}/g) ?? []).map((s) => s.slice(1, -1));
    const kind = flags & 3;
    const q = queryNames ? queryNames.split(",") : [];
    const call = async (...args: any[]) => {
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
      const { data } = await send(
        method,
        path,
        { params: { path: pathParams, query }, body, signal: opts.signal, headers: opts.headers, timeoutMs: opts.timeoutMs },
        `${ns}.${name}`,
      );
      return data;
    };
    const target = (api[ns] ??= {});
    target[name] = call;
    if (itemsKey) target[`${name}All`] = (...args: any[]) => paginate(call, args, names.length, itemsKey);
  }
  return api as Comm100Client;
}

async function* paginate(call: (...a: any[]) => Promise<any>, args: any[], at: number, key: string) {
  const params = { ...args[at] };
  let page = Number(params.page ?? 1);
  for (;;) {
    const data = await call(...args.slice(0, at), { ...params, page }, args[at + 1]);
    const items: unknown[] = data?.[key] ?? [];
    yield* items;
    if (!items.length || !(page < Number(data?.pages ?? 0))) return;
    page++;
  }
}

export type { OperationRow };
