import { isQuotaExceeded, nextUtcMidnight } from "./internal/quota-answer.js";
import { parseRetryAfter } from "./internal/retry-after.js";

/** Base class of every error this SDK throws. */
export class Comm100Error extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
  override name = "Comm100Error";
}

/**
 * Bad options given to `createComm100Client`, or call arguments that cannot be sent (a missing path
 * parameter, `".."` as one, lone surrogates...). Thrown before any request. Never holds the API key.
 */
export class Comm100ConfigError extends Comm100Error {
  override name = "Comm100ConfigError";
}

/** The server answered with a non-2xx status. */
export class Comm100ApiError extends Comm100Error {
  override name = "Comm100ApiError";
  /** HTTP status, e.g. 404. */
  readonly status: number;
  /** Comm100's numeric error `code` (e.g. 404000), when the body had one. */
  readonly code: number | undefined;
  /** HTTP method of the request. */
  readonly method: string;
  /** URL of the request (never with credentials). */
  readonly url: string;
  /** The response body: parsed JSON, or the text when it was not JSON (e.g. a proxy's HTML 502). */
  readonly body: unknown;
  /** The response headers (empty when nothing was sent, e.g. a used-up quota budget). */
  readonly headers: Headers;
  /** The wait a `Retry-After` header asked for, in ms (set when a 429 or 503 was not retried). */
  readonly retryAfterMs: number | undefined;

  constructor(init: { status: number; code?: number; message: string; method: string; url: string; body: unknown; headers?: Headers }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.method = init.method;
    this.url = init.url;
    this.body = init.body;
    this.headers = init.headers ?? new Headers();
    this.retryAfterMs = parseRetryAfter(this.headers.get("retry-after"));
  }
}

/** 400: a parameter is missing or malformed. */
export class Comm100BadRequestError extends Comm100ApiError {
  override name = "Comm100BadRequestError";
}
/** 401: the email or API key is wrong. */
export class Comm100AuthenticationError extends Comm100ApiError {
  override name = "Comm100AuthenticationError";
}
/** 403: the agent lacks a permission or the edition a feature (see also {@link Comm100QuotaExceededError}). */
export class Comm100PermissionDeniedError extends Comm100ApiError {
  override name = "Comm100PermissionDeniedError";
}
/** 403 because the account's daily request quota is used up. Never retried: wait for `quotaResetsAt`. */
export class Comm100QuotaExceededError extends Comm100PermissionDeniedError {
  override name = "Comm100QuotaExceededError";
  /** When the quota resets: the next 00:00 UTC after the error was received (or by the quota meter's clock). */
  readonly quotaResetsAt: Date;
  constructor(init: ConstructorParameters<typeof Comm100ApiError>[0] & { quotaResetsAt?: Date }) {
    super(init);
    this.quotaResetsAt = init.quotaResetsAt ?? nextUtcMidnight(new Date());
  }
}
/** 404: the resource does not exist. */
export class Comm100NotFoundError extends Comm100ApiError {
  override name = "Comm100NotFoundError";
}
/** 429: too many requests; `retryAfterMs` says how long the server asked to wait, when it did. */
export class Comm100RateLimitError extends Comm100ApiError {
  override name = "Comm100RateLimitError";
}
/** 500: the server failed (the docs say malformed arguments can cause it too). */
export class Comm100InternalServerError extends Comm100ApiError {
  override name = "Comm100InternalServerError";
}

/**
 * A 2xx answer whose body is not valid JSON (cut short, an HTML maintenance page...), or, with
 * `dates: "date"`, has a date field that is not a date (the message names the call and the field).
 * `body` holds the text.
 */
export class Comm100InvalidResponseError extends Comm100ApiError {
  override name = "Comm100InvalidResponseError";
}

/** An attempt took longer than `timeoutMs` (waiting for headers or reading the body). */
export class Comm100TimeoutError extends Comm100Error {
  override name = "Comm100TimeoutError";
}
/**
 * The request never got an HTTP answer (DNS, refused or reset connection, TLS...). `cause` holds the
 * fetch error's name, message and code (nothing else: it could carry the credentials).
 */
export class Comm100ConnectionError extends Comm100Error {
  override name = "Comm100ConnectionError";
  /** The system error code, e.g. `ECONNREFUSED` or `ECONNRESET`, when the fetch error had one. */
  readonly code: string | undefined;
  constructor(message: string, options: { cause?: unknown; code?: string }) {
    super(message, options);
    this.code = options.code;
  }
}

const byStatus: Record<number, typeof Comm100ApiError> = {
  400: Comm100BadRequestError,
  401: Comm100AuthenticationError,
  403: Comm100PermissionDeniedError,
  404: Comm100NotFoundError,
  429: Comm100RateLimitError,
  500: Comm100InternalServerError,
};

/** Builds the typed error for a failed response. */
export function createApiError(
  status: number,
  body: unknown,
  method: string,
  url: string,
  statusText = "",
  headers?: Headers,
): Comm100ApiError {
  const b = (body && typeof body === "object" ? body : {}) as { code?: unknown; message?: unknown };
  const code = typeof b.code === "number" ? b.code : undefined;
  const message =
    typeof b.message === "string" && b.message ? b.message : `Request failed with status ${status}${statusText ? ` ${statusText}` : ""}`;
  const Cls = isQuotaExceeded(status, body) ? Comm100QuotaExceededError : (byStatus[status] ?? Comm100ApiError);
  return new Cls({ status, code, message, method, url, body, headers });
}
