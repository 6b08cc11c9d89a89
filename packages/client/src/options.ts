// The options of both client styles: their types, their defaults (the environment where there is
// one) and their checks. Everything is checked here, once, before any request.
import type { Middleware } from "openapi-fetch";
import { Comm100ConfigError } from "./errors.js";
import { DEFAULT_DOMAIN, DOMAINS, type Comm100Domain } from "./generated/meta.js";
import type { Comm100Limits } from "./quota/limits.js";
import { envVar } from "./internal/env.js";
import { createLog, LOG_LEVELS, type Log } from "./internal/log.js";
import { datesMode, positive, retryPolicy, type RetryPolicy } from "./internal/options.js";
import { unsafeOrigin } from "./internal/origin.js";
import { base64, redactor, type Redact } from "./internal/redact.js";

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  retries?: number;
  /** Base of the exponential backoff in ms (default 500): attempt n waits random(0, min(max, min * 2^n)). */
  minDelayMs?: number;
  /** Cap of one backoff wait in ms (default 8000). */
  maxDelayMs?: number;
  /** Cap of a server's `Retry-After` in ms (default 60000). */
  maxRetryAfterMs?: number;
}

/** Which events a client logs: `debug` (every request and response), `info` (retries), and above. */
export type Comm100LogLevel = "off" | "error" | "warn" | "info" | "debug";

/**
 * Receives redacted events: the Authorization header shows as "Basic [REDACTED]". An event of a
 * level the logger has no method for goes to `debug`.
 */
export interface Comm100Logger {
  debug(message: string, data: Record<string, unknown>): void;
  info?(message: string, data: Record<string, unknown>): void;
  warn?(message: string, data: Record<string, unknown>): void;
  error?(message: string, data: Record<string, unknown>): void;
}

/**
 * How the date fields of answers come: `"string"` as the API sends them (`"/Date(1358453897)/"`),
 * `"date"` as `Date` objects (see the README's "Dates").
 */
export type Comm100Dates = "string" | "date";

/** The client's options; `D` is the `dates` mode, which the answers' types follow. */
export interface Comm100ClientOptions<D extends Comm100Dates = "string"> {
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
  /**
   * `"date"`: every field the spec marks as a Comm100 date (`start_time`, `visit_time`, ...) of a
   * 2xx answer is a `Date` (from `/Date(n)/` or ISO 8601, read as `parseComm100Date` does), in both
   * styles, and typed so; a value that is not a date throws `Comm100InvalidResponseError`.
   * Default `"string"`: the fields as the API sends them.
   */
  dates?: D;
}

/** Throws a `Comm100ConfigError` with the message (the key redacted). */
export type Fail = (message: string) => never;

/** The options after their checks: what the request pipeline and the transport run on. */
export interface ClientConfig {
  /** Without trailing slashes, e.g. `https://hosted.comm100.com/api/v1`. */
  baseUrl: string;
  /** `Basic <base64 of email:apiKey>`. */
  authorization: string;
  /** Removes the API key, in every form it can take, from a text. */
  redact: Redact;
  fail: Fail;
  fetch: ((input: Request) => Promise<Response>) | undefined;
  timeoutMs: number;
  maxResponseBytes: number;
  retry: RetryPolicy;
  log: Log | undefined;
  limits: Comm100Limits | undefined;
  /** The daily quota is counted per account: base URL and (case-insensitive) email. */
  account: string;
  throwOnError: boolean;
  middleware: Middleware[];
  /** `dates: "date"`. */
  dates: boolean;
}

const DEFAULT_RETRY: RetryPolicy = { retries: 2, minDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000 };

/** Checks the options and fills in the defaults. Throws `Comm100ConfigError`, never with the key in it. */
export function resolveOptions(options: Comm100ClientOptions<Comm100Dates> | undefined): ClientConfig {
  const { o, fromEnv } = withEnvironment(options ?? {});
  let redact: Redact = (text) => text;
  const fail: Fail = (message) => {
    throw new Comm100ConfigError(redact(message));
  };
  if (typeof o.email !== "string" || !o.email) fail("`email` is required: the agent's email address (or set COMM100_EMAIL)");
  if (typeof o.apiKey !== "string" || !o.apiKey) fail("`apiKey` is required: the agent's API key (or set COMM100_API_KEY)");
  const email = o.email as string;
  const credential = base64(`${email}:${o.apiKey}`);
  redact = redactor(o.apiKey as string, [credential]);
  if (o.domain !== undefined && o.baseUrl !== undefined)
    fail(fromEnv ? "COMM100_DOMAIN and COMM100_BASE_URL are both set: set one" : "Pass either `domain` or `baseUrl`, not both");
  if (o.logLevel !== undefined && !LOG_LEVELS.includes(o.logLevel))
    fail(`\`logLevel\` (or COMM100_LOG) must be one of ${LOG_LEVELS.join(", ")}; got ${JSON.stringify(o.logLevel)}`);
  const baseUrl = o.baseUrl !== undefined ? checkBaseUrl(o.baseUrl, fail) : domainUrl(o.domain, fail);
  return {
    baseUrl,
    authorization: `Basic ${credential}`,
    redact,
    fail,
    fetch: o.fetch,
    timeoutMs: positive(o.timeoutMs === undefined ? 60_000 : o.timeoutMs, "timeoutMs", fail),
    maxResponseBytes: positive(o.maxResponseBytes === undefined ? 50 * 2 ** 20 : o.maxResponseBytes, "maxResponseBytes", fail),
    retry: retryPolicy(o.retry, DEFAULT_RETRY, fail),
    log: createLog(o.logger, o.logLevel),
    limits: o.limits,
    account: `${baseUrl} ${email.toLowerCase()}`,
    throwOnError: Boolean(o.throwOnError),
    middleware: o.middleware ?? [],
    dates: datesMode(o.dates, fail) === "date",
  };
}

/** The options with left-out credentials, host and log level read from the environment (none in a browser). */
function withEnvironment(given: Comm100ClientOptions<Comm100Dates>) {
  const fromEnv = given.domain === undefined && given.baseUrl === undefined;
  const o: Comm100ClientOptions<Comm100Dates> = {
    ...given,
    email: given.email ?? envVar("COMM100_EMAIL"),
    apiKey: given.apiKey ?? envVar("COMM100_API_KEY"),
    domain: fromEnv ? (envVar("COMM100_DOMAIN") as Comm100Domain | undefined) : given.domain,
    baseUrl: fromEnv ? envVar("COMM100_BASE_URL") : given.baseUrl,
    logLevel: given.logLevel ?? (envVar("COMM100_LOG") as Comm100LogLevel | undefined),
  };
  return { o, fromEnv };
}

/** An absolute URL without credentials, query or fragment, over https (or http to a loopback host). */
function checkBaseUrl(value: unknown, fail: Fail): string {
  let url: URL | undefined;
  try {
    url = new URL(String(value));
  } catch {
    fail("`baseUrl` is not a valid absolute URL");
  }
  const u = url as URL;
  if (u.username || u.password) fail("`baseUrl` must not contain credentials: use `email` and `apiKey`");
  if (u.search || u.hash) fail("`baseUrl` must not have a query or fragment");
  const unsafe = unsafeOrigin(u);
  if (unsafe) fail(`\`baseUrl\` must use https (http is allowed only for localhost, 127.0.0.0/8 and [::1]); got ${unsafe}`);
  return trimSlashes(u.href);
}

function domainUrl(domain: Comm100Domain | undefined, fail: Fail): string {
  const d = domain ?? DEFAULT_DOMAIN;
  if (!(DOMAINS as readonly string[]).includes(d))
    fail(`Unknown \`domain\` ${JSON.stringify(d)}; expected one of ${DOMAINS.join(", ")} (or pass \`baseUrl\`)`);
  return `https://${d}/api/v1`;
}

/** The base URL without trailing slashes (a loop: `/\/+$/` backtracks on a run of slashes). */
function trimSlashes(href: string): string {
  let end = href.length;
  while (href[end - 1] === "/") end--;
  return href.slice(0, end);
}
