// The attempts of one call, below openapi-fetch and its middleware (which see one request and one
// response, and never the Authorization header): the header itself, a timeout per attempt that
// covers reading the body, retries by the policy of the README, the limits, connection errors as
// typed errors, and redacted logging. One fetch per attempt.
import {
  Comm100ConfigError,
  Comm100ConnectionError,
  Comm100Error,
  Comm100InvalidResponseError,
  Comm100QuotaExceededError,
  Comm100TimeoutError,
} from "./errors.js";
import type { ClientConfig } from "./options.js";
import { follow } from "./internal/abort.js";
import type { RetryPolicy } from "./internal/options.js";
import { unsafeOrigin } from "./internal/origin.js";
import { isQuotaExceeded } from "./internal/quota-answer.js";
import { readBody } from "./internal/read-body.js";
import { cleanError, redactHeaders } from "./internal/redact.js";
import { parseRetryAfter } from "./internal/retry-after.js";

/** One call as every attempt sends it. */
export interface Outgoing {
  method: string;
  url: string;
  /**
   * The Request openapi-fetch and the middleware made (then `init` holds only the headers, with
   * Authorization); without it `init` is the whole request (method, headers, body).
   */
  request?: Request;
  init: RequestInit;
}

/** The options of one call. */
export interface CallOptions {
  timeoutMs: number;
  /** The caller's signal (`null`: none): aborts the call, waits between attempts included. */
  signal: AbortSignal | null;
  /** The call's retry policy; `false`: never repeated (an operation that is not idempotent). */
  retry: RetryPolicy | false;
  /** A fetch for this call instead of the client's. */
  fetch?: ((input: Request) => Promise<Response>) | undefined;
}

/** An answer whose body was read whole inside its attempt. */
export interface Answer {
  /** The fetch's Response: status, headers, url (its body already read). */
  response: Response;
  /** The body, or `null` for a status that has none (204, 304...). */
  bytes: Uint8Array | null;
  /** The Response's url, or the request's when the fetch gave none (a stub's Response). */
  url: string;
}

const RETRY_STATUS = [500, 502, 503, 504];
const READS = ["GET", "HEAD", "OPTIONS"];
/** Connection errors that show the request never reached a server: safe to repeat even a write. */
const NOT_SENT = ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"];
const NULL_BODY = [101, 204, 205, 304];
/** Timers overflow above 2^31-1 ms (Node then fires after 1 ms): "no timeout" values such as Infinity are capped. */
const MAX_TIMER = 2 ** 31 - 1;

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const ctl = new AbortController();
    const stop = signal ? follow(signal, ctl) : () => true;
    const timer = setTimeout(() => resolve(void stop()), Math.min(ms, MAX_TIMER));
    ctl.signal.onabort = () => {
      clearTimeout(timer);
      stop();
      reject(signal!.reason);
    };
  });
}

/** The JSON of a body, or undefined when it is none or not JSON. */
const jsonOrUndefined = (bytes: Uint8Array | null): unknown => {
  try {
    return bytes ? JSON.parse(new TextDecoder().decode(bytes)) : undefined;
  } catch {
    return undefined;
  }
};

/** The transport of one client. */
export class Transport {
  readonly #c: ClientConfig;
  /** Besides https://: the origin (with a "/") of the last loopback URL allowed. */
  #allowed = "https://";

  constructor(config: ClientConfig) {
    this.#c = config;
  }

  /** Every attempt of one call, by the retry policy; resolves with the last answer. */
  async send(out: Outgoing, call: CallOptions): Promise<Answer> {
    this.#checkUrl(out.url);
    const read = READS.includes(out.method);
    const policy = call.retry;
    const max = policy ? policy.retries : 0;
    const req = out.request;
    for (let n = 0; ; n++) {
      let a: Answer | undefined;
      let wait: number | undefined;
      try {
        // a Request's body is a stream read once: keep a copy while another attempt may need it
        const target = req ? (n < max && req.body ? req.clone() : req) : out.url;
        a = await (this.#c.limits ? this.#limited(out, target, call, n + 1) : this.#attempt(out, target, call, n + 1));
        if (n >= max) return a;
        // 429/503 with a Retry-After: the server did not act and says when to come back (within the cap)
        const status = a.response.status;
        wait = status === 429 || status === 503 ? parseRetryAfter(a.response.headers.get("retry-after")) : undefined;
        if (wait !== undefined ? wait > (policy as RetryPolicy).maxRetryAfterMs : !read || !RETRY_STATUS.includes(status)) return a;
      } catch (e) {
        // a write is repeated only when the connection never reached the server
        if (n >= max || !(e instanceof Comm100ConnectionError) || !(read || NOT_SENT.includes(e.code!))) throw e;
      }
      const p = policy as RetryPolicy; // max > 0
      const delay = wait ?? Math.random() * Math.min(p.maxDelayMs, p.minDelayMs * 2 ** n);
      const status = a?.response.status;
      this.#c.log?.("info", "comm100 retry", { method: out.method, url: out.url, attempt: n + 1, status, delayMs: Math.round(delay) });
      await sleep(delay, call.signal);
    }
  }

  /** One fetch, its body read whole before the timer stops. */
  async #attempt(out: Outgoing, target: string | Request, call: CallOptions, n: number): Promise<Answer> {
    const c = this.#c;
    const { signal } = call;
    if (signal?.aborted) throw signal.reason;
    // One controller per attempt, aborted by the timer or the caller's signal: fetch follows only it.
    const ctl = new AbortController();
    const stop = signal && follow(signal, ctl);
    const timer = setTimeout(() => ctl.abort(), Math.min(call.timeoutMs, MAX_TIMER));
    const started = Date.now();
    c.log?.("debug", "comm100 request", { method: out.method, url: out.url, attempt: n, headers: this.#loggedHeaders(out.init.headers) });
    try {
      out.init.signal = ctl.signal; // `init` belongs to this call, whose attempts run one after the other
      const f = call.fetch ?? c.fetch;
      // a custom fetch is documented to take one Request; the global one takes (input, init)
      const res = await (f ? f(new Request(target, out.init)) : globalThis.fetch(target, out.init));
      const bytes = NULL_BODY.includes(res.status) ? null : await readBody(res, c.maxResponseBytes, () => this.#tooLarge(out, res));
      c.log?.("debug", "comm100 response", { method: out.method, url: out.url, attempt: n, status: res.status, ms: Date.now() - started });
      return { response: res, bytes, url: res.url || out.url };
    } catch (e) {
      throw this.#failure(e, out, call, ctl.signal);
    } finally {
      clearTimeout(timer);
      stop?.();
    }
  }

  /** An attempt inside the limits: waits its turn, fails without sending past the budget, reports the quota 403. */
  async #limited(out: Outgoing, target: string | Request, call: CallOptions, n: number): Promise<Answer> {
    const done = await this.#c.limits!.acquire(this.#c.account, call.signal);
    if (done instanceof Date)
      throw new Comm100QuotaExceededError({
        status: 403,
        message: `${out.method} ${out.url} was not sent: the daily request budget is used up until ${done.toISOString()}`,
        method: out.method,
        url: out.url,
        body: undefined,
        quotaResetsAt: done,
      });
    let quota = false;
    try {
      const a = await this.#attempt(out, target, call, n);
      quota = a.response.status === 403 && isQuotaExceeded(403, jsonOrUndefined(a.bytes));
      return a;
    } finally {
      done(quota);
    }
  }

  /** Checked on every call, not only on `baseUrl`: a middleware may have rewritten the URL. */
  #checkUrl(url: string): void {
    if (url.startsWith("https://") || url.startsWith(this.#allowed)) return;
    const u = new URL(url);
    const unsafe = unsafeOrigin(u);
    if (unsafe)
      throw new Comm100ConfigError(this.#c.redact(`Refusing to send credentials to ${unsafe}: use https (http only for loopback hosts)`));
    this.#allowed = `${u.origin}/`;
  }

  /** What a failed attempt throws: the caller's abort reason, a timeout, or a connection error. */
  #failure(e: unknown, out: Outgoing, call: CallOptions, timer: AbortSignal): unknown {
    if (call.signal?.aborted) return call.signal.reason;
    if (e instanceof Comm100Error) return e;
    if (timer.aborted) return new Comm100TimeoutError(`${out.method} ${out.url} timed out after ${call.timeoutMs} ms`);
    const cause = cleanError(e, this.#c.redact) as Error & { code?: string; cause?: { code?: string; message?: string } };
    const code = cause.cause?.code ?? cause.code;
    const why = code ?? cause.cause?.message ?? cause.message;
    return new Comm100ConnectionError(`${out.method} ${out.url} failed: ${why}`, { cause, code });
  }

  #tooLarge(out: Outgoing, res: Response): never {
    throw new Comm100InvalidResponseError({
      status: res.status,
      message: `${out.method} ${out.url}: the response body is larger than maxResponseBytes (${this.#c.maxResponseBytes})`,
      method: out.method,
      url: out.url,
      body: undefined,
      headers: redactHeaders(res.headers, this.#c.redact),
    });
  }

  #loggedHeaders(headers: HeadersInit | undefined): Record<string, string> {
    const all = [...new Headers(headers)];
    return Object.fromEntries(all.map(([k, v]) => [k, k === "authorization" ? `${v.split(" ")[0]} [REDACTED]` : this.#c.redact(v)]));
  }
}
