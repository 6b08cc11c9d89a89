// The fetch wrapper handed to openapi-fetch: auth header, per-attempt timeout (covering the body),
// retries by the policy of the README, connection errors, and redacted logging.
// Middleware cannot retry (it sees one request and one response), so this lives below it.
import {
  Comm100ConfigError,
  Comm100ConnectionError,
  Comm100Error,
  Comm100InvalidResponseError,
  Comm100QuotaExceededError,
  Comm100TimeoutError,
  isQuotaExceeded,
} from "./errors.js";
import { follow } from "./internal/abort.js";
import type { Log } from "./internal/log.js";
import type { RetryPolicy } from "./internal/options.js";
import { readBody } from "./internal/read-body.js";
import { cleanError, redactHeaders } from "./internal/redact.js";
import { parseRetryAfter } from "./internal/retry-after.js";
import type { Comm100Limits } from "./quota/limits.js";

export { parseRetryAfter };

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

export interface TransportOptions {
  fetch: ((input: Request) => Promise<Response>) | undefined;
  authorization: string;
  timeoutMs: number;
  /** The client's policy, for Requests that carry none (a Request a middleware made: then only reads retry). */
  retry: RetryPolicy;
  /** Cap of one response body, decoded bytes. */
  maxResponseBytes: number;
  /** Writes an event, or undefined when nothing is logged. */
  log: Log | undefined;
  redact: (text: string) => string;
  /** Concurrency, rate and daily budget (`@comm100-sdk/client/quota`), asked before every attempt for `account`. */
  limits: Comm100Limits | undefined;
  account: string;
}

const RETRY_STATUS = [500, 502, 503, 504];
const READS = ["GET", "HEAD", "OPTIONS"];
/** Connection errors that show the request never reached a server: safe to repeat even a write. */
const NOT_SENT = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"];
const NULL_BODY = [101, 204, 205, 304];

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const ctl = new AbortController();
    const stop = signal ? follow(signal, ctl) : () => true;
    const timer = setTimeout(() => resolve(void stop()), Math.min(ms, 2 ** 31 - 1));
    ctl.signal.onabort = () => {
      clearTimeout(timer);
      stop();
      reject(signal!.reason);
    };
  });
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Read from properties openapi-fetch copies from the init onto the Request: the per-request
 * timeout, and the caller's own signal (`null`: none). A Request a middleware made has neither;
 * then its own `signal` stands for the caller's.
 */
type TimedRequest = Request & { timeoutMs?: number; callerSignal?: AbortSignal | null; retryPolicy?: RetryPolicy | false };

const utf8 = new TextDecoder();

/**
 * The answer, read whole inside the attempt (so a body that stalls times out and one cut short is
 * retried). `new Response(bytes)` would make undici build and read a second stream per request;
 * this serves `text()`/`json()` from the bytes and builds a real body only for the other readers
 * (`body`, `blob()`, `clone()`...). Status, headers (a mutable copy) and url are a Response's own.
 */
class BufferedResponse extends Response {
  #bytes: ArrayBuffer | null;
  #res: Response;
  #url: string;
  #used = false;
  #real?: Response;

  /** `url`: the request's, for when `res` has none (a stub fetch's Response). */
  constructor(bytes: ArrayBuffer | null, res: Response, url: string) {
    super(null, { status: res.status, statusText: res.statusText, headers: res.headers });
    this.#bytes = bytes;
    this.#res = res;
    this.#url = url;
  }

  /** A real Response over the bytes (already consumed if they were read), for the rare readers. */
  #full(): Response {
    if (!this.#real) {
      this.#real = new Response(this.#bytes, this);
      if (this.#used) void this.#real.arrayBuffer();
    }
    return this.#real;
  }

  #text(): string {
    if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
    this.#used = true;
    return this.#bytes ? utf8.decode(this.#bytes) : "";
  }

  override get url() {
    return this.#res.url || this.#url;
  }
  override get body() {
    return this.#full().body;
  }
  override get bodyUsed() {
    return this.#real ? this.#real.bodyUsed : this.#used;
  }
  override async text() {
    return this.#real ? this.#real.text() : this.#text();
  }
  override async json() {
    return this.#real ? this.#real.json() : JSON.parse(this.#text());
  }
  override arrayBuffer() {
    return this.#full().arrayBuffer();
  }
  // Built on arrayBuffer(): Response.bytes() is missing on runtimes the client supports (Node 18).
  override async bytes() {
    return new Uint8Array(await this.#full().arrayBuffer());
  }
  override blob() {
    return this.#full().blob();
  }
  override formData() {
    return this.#full().formData();
  }
  override clone(): Response {
    return this.#real || this.#used ? this.#full().clone() : new BufferedResponse(this.#bytes, this.#res, this.#url);
  }
}

export function createTransport(o: TransportOptions): (input: Request) => Promise<Response> {
  const log = o.log;

  /** An attempt inside the limits: waits its turn, fails without sending past the budget, reports the quota 403. */
  async function limited(
    req: Request,
    url: string,
    userSignal: AbortSignal | null,
    timeoutMs: number,
    attemptNo: number,
  ): Promise<Response> {
    const done = await o.limits!.acquire(o.account, userSignal);
    if (done instanceof Date)
      throw new Comm100QuotaExceededError({
        status: 403,
        message: `${req.method} ${url} was not sent: the daily request budget is used up until ${done.toISOString()}`,
        method: req.method,
        url,
        body: undefined,
        quotaResetsAt: done,
      });
    let quota = false;
    try {
      const res = await attempt(req, url, userSignal, timeoutMs, attemptNo);
      if (res.status === 403)
        quota = isQuotaExceeded(
          403,
          await res
            .clone()
            .json()
            .catch(() => undefined),
        );
      return res;
    } finally {
      done(quota);
    }
  }

  async function attempt(
    req: Request,
    url: string,
    userSignal: AbortSignal | null,
    timeoutMs: number,
    attemptNo: number,
  ): Promise<Response> {
    if (userSignal?.aborted) throw userSignal.reason;
    // One controller per attempt, aborted by the timer or the caller's signal: fetch follows only it.
    // (Cheaper than AbortSignal.any, and `fetch(req, init)` saves building a Request to carry it.)
    const ctl = new AbortController();
    const stop = userSignal && follow(userSignal, ctl);
    // timers overflow above 2^31-1 ms (Node then fires after 1 ms): cap "no timeout" values such as Infinity
    const id = setTimeout(() => ctl.abort(), Math.min(timeoutMs, 2 ** 31 - 1));
    const started = Date.now();
    // The header goes on a copy: middleware sees `req` (in onResponse/onError) and must never see it.
    const headers = new Headers(req.headers);
    if (!headers.has("authorization")) headers.set("authorization", o.authorization);
    const init = { signal: ctl.signal, headers };
    log?.("debug", "comm100 request", {
      method: req.method,
      url,
      attempt: attemptNo,
      headers: Object.fromEntries([...headers].map(([k, v]) => [k, k === "authorization" ? `${v.split(" ")[0]} [REDACTED]` : o.redact(v)])),
    });
    try {
      // a custom fetch is documented to take one Request; the global one takes (input, init)
      const res = await (o.fetch ? o.fetch(new Request(req, init)) : globalThis.fetch(req, init));
      // Buffer the body inside the timed section, so a body that stalls halfway times out too.
      const tooLarge = (): never => {
        throw new Comm100InvalidResponseError({
          status: res.status,
          message: `${req.method} ${url}: the response body is larger than maxResponseBytes (${o.maxResponseBytes})`,
          method: req.method,
          url,
          body: undefined,
          headers: redactHeaders(res.headers, o.redact),
        });
      };
      const body = NULL_BODY.includes(res.status) ? null : await readBody(res, o.maxResponseBytes, tooLarge);
      log?.("debug", "comm100 response", { method: req.method, url, attempt: attemptNo, status: res.status, ms: Date.now() - started });
      return new BufferedResponse(body, res, url);
    } catch (e) {
      if (userSignal?.aborted) throw userSignal.reason;
      if (e instanceof Comm100Error) throw e;
      if (ctl.signal.aborted) throw new Comm100TimeoutError(`${req.method} ${url} timed out after ${timeoutMs} ms`);
      const cause = cleanError(e, o.redact) as Error & { code?: string; cause?: { code?: string; message?: string } };
      const code = cause.cause?.code ?? cause.code;
      const why = code ?? cause.cause?.message ?? cause.message;
      throw new Comm100ConnectionError(`${req.method} ${url} failed: ${why}`, { cause, code });
    } finally {
      clearTimeout(id);
      stop?.();
    }
  }

  let allowed = "https://"; // and the origin (with a "/") of the last loopback URL allowed
  return async function comm100Fetch(input: Request): Promise<Response> {
    const req = input as TimedRequest;
    const url = req.url;
    // checked here too, not only on `baseUrl`: a middleware may have rewritten the URL
    if (!url.startsWith("https://") && !url.startsWith(allowed)) {
      const u = new URL(url);
      if (u.protocol !== "https:" && !(u.protocol === "http:" && isLoopback(u.hostname)))
        throw new Comm100ConfigError(
          o.redact(`Refusing to send credentials to ${u.protocol}//${u.host}: use https (http only for loopback hosts)`),
        );
      allowed = `${u.origin}/`;
    }
    const timeoutMs = req.timeoutMs ?? o.timeoutMs;
    const userSignal = req.callerSignal !== undefined ? req.callerSignal : req.signal;
    const read = READS.includes(req.method);
    // The policy of the call (false: an operation that is not idempotent); a Request without one
    // (made by a middleware) retries only if it is a read.
    const policy = req.retryPolicy ?? (read && o.retry);
    const max = policy ? policy.retries : 0;
    const p = policy as RetryPolicy; // read only when max > 0
    for (let n = 0; ; n++) {
      let res: Response | undefined;
      let wait: number | undefined;
      try {
        // a body is a stream read once: keep a copy while another attempt may need it
        res = await (o.limits ? limited : attempt)(n < max && req.body ? req.clone() : req, url, userSignal, timeoutMs, n + 1);
        if (n >= max) return res;
        // 429/503 with a Retry-After: the server did not act and says when to come back (within the cap)
        wait = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get("retry-after")) : undefined;
        if (wait !== undefined ? wait > p.maxRetryAfterMs : !read || !RETRY_STATUS.includes(res.status)) return res;
      } catch (e) {
        // a write is repeated only when the connection never reached the server
        if (n >= max || !(e instanceof Comm100ConnectionError) || !(read || NOT_SENT.includes(e.code!))) throw e;
      }
      const delay = wait ?? Math.random() * Math.min(p.maxDelayMs, p.minDelayMs * 2 ** n);
      log?.("info", "comm100 retry", { method: req.method, url, attempt: n + 1, status: res?.status, delayMs: Math.round(delay) });
      await sleep(delay, userSignal);
    }
  };
}
