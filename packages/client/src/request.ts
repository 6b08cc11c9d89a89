// The request style (`GET`, `POST`, `PUT`, `DELETE`, `use`, `eject`) and the one pipeline both
// styles send through: arguments checked and converted, the body encoded as the spec says, then
// the transport, then the answer settled (src/response.ts).
//
// A call with only the SDK's own options and no middleware goes straight to the transport, built
// with openapi-fetch's serialisers (one Request per attempt). A call with middleware, or with
// openapi-fetch options of its own (`parseAs`, `bodySerializer`, `fetch`...), goes through
// openapi-fetch itself, with the transport as its fetch, so middleware works as documented.
import createClient, {
  createFinalURL,
  defaultBodySerializer,
  defaultPathSerializer,
  mergeHeaders,
  type Client,
  type Middleware,
} from "openapi-fetch";
import type { paths } from "@comm100-sdk/types";
import { FORM_BODIES, NEVER_REPEATED } from "./generated/request-ops.js";
import { resolveOptions, type ClientConfig, type Comm100ClientOptions, type Comm100Dates } from "./options.js";
import type { DatedMethod } from "./resource-types.js";
import type { QuotaSnapshot } from "./quota/meter.js";
import { replay, resultOf, settle, type Result } from "./response.js";
import { Transport, type CallOptions } from "./transport.js";
import { formEncode } from "./internal/form.js";
import { positive, retryPolicy } from "./internal/options.js";
import { prepareParams, type Prepared } from "./internal/params.js";
import { serializeQuery } from "./internal/query.js";

/** The request style: openapi-fetch's methods, typed from the spec; `D` is the `dates` mode the answers follow. */
export type Comm100RequestClient<D extends Comm100Dates = "string"> = ([D] extends ["string"]
  ? Pick<Client<paths>, "GET" | "POST" | "PUT" | "DELETE">
  : { GET: DatedMethod<"get", D>; POST: DatedMethod<"post", D>; PUT: DatedMethod<"put", D>; DELETE: DatedMethod<"delete", D> }) &
  Pick<Client<paths>, "use" | "eject"> & {
    /** Today's count of the daily budget as this client last saw it (`undefined` without `limits.quota`). */
    readonly quota: QuotaSnapshot | undefined;
  };

/** What the pipeline must know of an operation. */
export interface SendOp {
  method: string;
  /** The path template, e.g. `/livechat/operators/{email}`. */
  path: string;
  /** For a form body: the fields whose arrays are comma-joined; `undefined`: not a form body. */
  form: readonly string[] | undefined;
  /** Never repeated (`x-comm100-idempotent: false`). */
  once: boolean;
}

/** Sends one call. `label` (the resource style's "ns.method") makes it throw `Comm100ApiError`s. */
export type Send = (op: SendOp, init: Record<string, any> | undefined, label?: string) => Promise<Result>;

export interface RequestCore {
  api: Comm100RequestClient<Comm100Dates>;
  send: Send;
  config: ClientConfig;
}

const FORM = "application/x-www-form-urlencoded";
/** The call options the direct path handles; any other (openapi-fetch's own) goes through openapi-fetch. */
const OWN_OPTIONS = new Set(["params", "body", "headers", "signal", "timeoutMs", "retry"]);
const onceSet = new Set(NEVER_REPEATED);

/** What the pipeline must know of an operation, from the small generated table both styles read. */
export function requestOp(method: string, path: string): SendOp {
  const key = `${method} ${path}`;
  return { method, path, form: Object.hasOwn(FORM_BODIES, key) ? FORM_BODIES[key] : undefined, once: onceSet.has(key) };
}

/** Creates the request style alone (`@comm100-sdk/client/request`). Throws `Comm100ConfigError` for bad options. */
export function createComm100RequestClient<D extends Comm100Dates>(
  options: Comm100ClientOptions<D> & { dates: D },
): Comm100RequestClient<D>;
/** Creates the request style alone (`@comm100-sdk/client/request`). Throws `Comm100ConfigError` for bad options. */
// Last, so that `ReturnType<typeof createComm100RequestClient>` is the client of the default mode.
export function createComm100RequestClient(options?: Comm100ClientOptions): Comm100RequestClient;
export function createComm100RequestClient(options: Comm100ClientOptions<Comm100Dates> = {}): unknown {
  return createRequestCore(options).api;
}

/** The request style and the pipeline, for `createComm100Client` to add the resource style on. */
export function createRequestCore(options: Comm100ClientOptions<Comm100Dates> | undefined): RequestCore {
  const config = resolveOptions(options);
  const pipeline: Pipeline = {
    config,
    transport: new Transport(config),
    client: createClient<paths>({ baseUrl: config.baseUrl, querySerializer: serializeQuery }),
    middlewares: 0,
  };
  const use = (m: Middleware[]) => {
    pipeline.client.use(...m);
    pipeline.middlewares += m.length;
  };
  try {
    use(config.middleware);
  } catch (e) {
    config.fail(`\`middleware\`: ${(e as Error).message}`);
  }
  const send: Send = (op, init, label) => sendCall(pipeline, op, init ?? {}, label);
  const api: Comm100RequestClient<Comm100Dates> = {
    GET: ((path: string, init?: object) => send(requestOp("GET", path), init)) as never,
    POST: ((path: string, init?: object) => send(requestOp("POST", path), init)) as never,
    PUT: ((path: string, init?: object) => send(requestOp("PUT", path), init)) as never,
    DELETE: ((path: string, init?: object) => send(requestOp("DELETE", path), init)) as never,
    use: (...m: Middleware[]) => use(m),
    eject(...m: Middleware[]) {
      pipeline.client.eject(...m);
      pipeline.middlewares -= m.length;
    },
    get quota() {
      return config.limits?.quota(config.account);
    },
  };
  return { api, send, config };
}

interface Pipeline {
  config: ClientConfig;
  transport: Transport;
  /** openapi-fetch, for calls with middleware or openapi-fetch options of their own. */
  client: Client<paths>;
  /** How many middleware the client has (`use` adds, `eject` removes). */
  middlewares: number;
}

/** One call: arguments checked, sent (directly or through openapi-fetch), the answer settled. */
async function sendCall(pipeline: Pipeline, op: SendOp, init: Record<string, any>, label: string | undefined): Promise<Result> {
  const { config } = pipeline;
  const name = label ?? `${op.method} ${op.path}`;
  const refuse = (m: string): never => config.fail(`${name}: ${m}`);
  const p = prepareParams(name, op.path, init.params, init.body, op.form);
  const call = callOptions(init, op, config, refuse);
  let url = config.baseUrl + op.path; // for errors, where a Response has no url
  let res: Result;
  try {
    if (pipeline.middlewares === 0 && ownOptionsOnly(init)) {
      url = createFinalURL(op.path, {
        baseUrl: config.baseUrl,
        params: p,
        querySerializer: serializeQuery,
        pathSerializer: defaultPathSerializer,
      });
      res = await sendDirect(pipeline, op, init, p, url, call);
    } else res = await viaOpenapiFetch(pipeline, op, init, p, call);
  } catch (e) {
    // Arguments that cannot be sent (lone surrogates, symbols, BigInt in JSON, a bad header value)
    // fail while the request is built; the transport itself only throws Comm100 errors.
    if (!call.signal?.aborted && (e instanceof TypeError || e instanceof URIError)) refuse(`invalid arguments: ${e.message}`);
    throw e;
  }
  const parse = init.parseAs === undefined;
  const throws = label !== undefined || config.throwOnError;
  return settle(res, { method: op.method, path: op.path, url, redact: config.redact, parse, throws, dates: config.dates, name });
}

/** Per-call options, checked the way the client's are. */
function callOptions(init: Record<string, any>, op: SendOp, config: ClientConfig, refuse: (m: string) => never): CallOptions {
  if (init.timeoutMs !== undefined) positive(init.timeoutMs, "timeoutMs", refuse);
  // checked even where it cannot apply (an operation never repeated): a bad value is a mistake anyway
  const policy = retryPolicy(init.retry, config.retry, refuse);
  const signal = init.signal ?? null;
  if (signal !== null && !(signal instanceof AbortSignal)) refuse("`signal` must be an AbortSignal");
  return { timeoutMs: init.timeoutMs ?? config.timeoutMs, signal, retry: !op.once && policy, fetch: init.fetch };
}

/** True when the call has only options the direct path handles (any other is openapi-fetch's own). */
function ownOptionsOnly(init: Record<string, any>): boolean {
  for (const k in init) if (init[k] !== undefined && !OWN_OPTIONS.has(k)) return false;
  return true;
}

/** openapi-fetch's default: FormData as is, urlencoded when the headers ask for it, else JSON (its types omit the headers). */
const serializeBody = defaultBodySerializer as (body: unknown, headers?: unknown) => BodyInit;

/** Without middleware: the URL, headers and body built here, one fetch per attempt. */
async function sendDirect(
  { config, transport }: Pipeline,
  op: SendOp,
  init: Record<string, any>,
  p: Prepared,
  url: string,
  call: CallOptions,
): Promise<Result> {
  const body: BodyInit | undefined =
    p.body === undefined
      ? undefined
      : op.form
        ? formEncode(p.body as Record<string, unknown>, op.form)
        : serializeBody(p.body, init.headers);
  const type = body === undefined || body instanceof FormData ? undefined : op.form ? FORM : "application/json";
  let headers: Headers | Record<string, string>;
  if (init.headers !== undefined || init.params?.header !== undefined) {
    // openapi-fetch's merge (null removes a header, arrays repeat it); it also checks every value
    headers = mergeHeaders(type && { "Content-Type": type }, init.headers, init.params?.header);
    if (!headers.has("authorization")) headers.set("authorization", config.authorization);
  } else headers = type ? { "content-type": type, authorization: config.authorization } : { authorization: config.authorization };
  const answer = await transport.send({ method: op.method, url, init: { method: op.method, headers, body, redirect: "follow" } }, call);
  return resultOf(answer, op.method);
}

/** Through openapi-fetch: its middleware run, the transport is its fetch. */
function viaOpenapiFetch(
  { config, transport, client, middlewares }: Pipeline,
  op: SendOp,
  init: Record<string, any>,
  p: Prepared,
  call: CallOptions,
): Promise<Result> {
  const { method } = op;
  const withMiddleware = middlewares > 0 || init.middleware !== undefined;
  const form = op.form && p.body !== undefined && op.form;
  const h = init.headers;
  const sent: Record<string, any> = {
    ...init,
    params: { ...init.params, path: p.path, query: p.query },
    body: p.body,
    // Middleware may make a new Request, which carries only that Request's signal: with middleware
    // the caller's signal goes on the Request and each attempt follows the Request's. Without, it
    // stays off (a signal shared by many calls would get one listener per Request).
    signal: withMiddleware ? (call.signal ?? undefined) : undefined,
    parseAs: init.parseAs ?? "text",
    fetch: (req: Request) => {
      const headers = new Headers(req.headers); // a copy: middleware sees `req` and must never see the header
      if (!headers.has("authorization")) headers.set("authorization", config.authorization);
      const signal = withMiddleware ? req.signal : call.signal;
      return transport.send({ method: req.method, url: req.url, request: req, init: { headers } }, { ...call, signal }).then(replay);
    },
    ...(form && {
      bodySerializer: (b: Record<string, unknown>) => formEncode(b, form),
      headers: { "Content-Type": FORM, ...(h instanceof Headers ? Object.fromEntries(h) : h) },
    }),
  };
  return (client.request as any)(method, op.path, sent);
}
