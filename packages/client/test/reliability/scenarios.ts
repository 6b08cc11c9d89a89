// The fault matrix as data: each scenario scripts the fault server, makes one call (or a batch)
// and states what the SDK guarantees. fault-matrix.test.ts asserts it; secrets.test.ts replays
// every scenario with a distinctive API key and checks nothing produced holds the key;
// RELIABILITY.md documents it (a test checks every id is listed there).
import {
  Comm100ApiError,
  Comm100AuthenticationError,
  Comm100ConnectionError,
  Comm100InvalidResponseError,
  Comm100QuotaExceededError,
  Comm100TimeoutError,
  createComm100Client,
  type Comm100Client,
  type Comm100ClientOptions,
} from "../../src/index.js";
import { isQuotaExceeded, nextUtcMidnight } from "../../src/internal/quota-answer.js";
import { largeJson, startFaultServer, type Fault, type FaultServer } from "./fault-server.js";

export const EMAIL = "agent@example.com";

/** Fast, deterministic enough retry settings for the matrix. */
export const FAST_RETRY = { retries: 2, minDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 60_000 };

const OK_BODY = [{ id: 1, email: "kelly@comm100.com" }];
const ok: Fault = { kind: "json", status: 200, body: OK_BODY };
const html = (status: number, title: string): Fault => ({
  kind: "raw",
  status,
  headers: { "content-type": "text/html" },
  body: `<html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1><hr>nginx</body></html>`,
});
const agentJson = JSON.stringify([{ id: 1, email: "kelly@comm100.com", name: "Kelly", isAdmin: true }]);
const QUOTA = { code: 403001, message: "The number of API requests has exceeded the daily limit." };

export interface Outcome {
  /** The resolved value, when the call succeeded. */
  value?: unknown;
  /** The rejection, when it failed. */
  error?: unknown;
  ms: number;
  /** Requests the server received. */
  attempts: number;
  /** TCP connections the server accepted. */
  connections: number;
  /** Calls of the client's `fetch` (attempts, including those that never reached the server). */
  fetchCalls: number;
  server: FaultServer;
}

export interface Scenario {
  id: string;
  /** The fault, as RELIABILITY.md lists it. */
  fault: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** What the SDK guarantees. */
  guarantee: string;
  /** Whether the SDK retries it. */
  retried: "yes" | "no" | "n/a";
  script: (n: number) => Fault;
  options?: Partial<Comm100ClientOptions>;
  run: (c: Comm100Client, server: FaultServer) => Promise<unknown>;
  /** Precise checks of the outcome; throws (via expect) when the guarantee does not hold. */
  check: (o: Outcome, expect: ExpectLike) => void;
}

/** The part of vitest's `expect` the checks use (so this module does not import vitest). */
export type ExpectLike = (
  actual: unknown,
  message?: string,
) => {
  toBe(v: unknown): void;
  toEqual(v: unknown): void;
  toBeInstanceOf(c: unknown): void;
  toBeLessThan(n: number): void;
  toBeGreaterThanOrEqual(n: number): void;
  toBeUndefined(): void;
  toMatch(r: RegExp): void;
};

const failed = (o: Outcome, expect: ExpectLike, Cls: unknown, attempts: number, maxMs = 5000) => {
  expect(o.value, "the call should have failed").toBeUndefined();
  expect(o.error).toBeInstanceOf(Cls);
  expect(o.attempts, "attempts seen by the server").toBe(attempts);
  expect(o.ms).toBeLessThan(maxMs);
};
const succeeded = (o: Outcome, expect: ExpectLike, attempts: number, maxMs = 5000) => {
  expect(o.error, `unexpected error: ${String(o.error)}`).toBeUndefined();
  expect(o.value).toEqual(OK_BODY);
  expect(o.attempts, "attempts seen by the server").toBe(attempts);
  expect(o.ms).toBeLessThan(maxMs);
};

/** A 2xx with a body that is not JSON: the SDK's base error, with the parser's error as cause. */
const invalidJson = (o: Outcome, expect: ExpectLike, body: string) => {
  failed(o, expect, Comm100InvalidResponseError, 1);
  const e = o.error as Comm100InvalidResponseError;
  expect(e.name).toBe("Comm100InvalidResponseError");
  expect(e.status).toBe(200);
  expect(e.method).toBe("GET");
  expect(e.url).toBe(`${o.server.base}/livechat/operators`);
  expect(e.body).toBe(body);
  expect(e.message).toMatch(/not valid JSON/);
};

export const SCENARIOS: Scenario[] = [
  {
    id: "reset-before-headers/GET",
    fault: "Connection reset (TCP RST) before any response header, every attempt",
    method: "GET",
    guarantee: "Comm100ConnectionError (cause: the fetch error) after 1 + retries attempts",
    retried: "yes",
    script: () => ({ kind: "reset-before-headers" }),
    run: (c) => c.agents.list(),
    check: (o, expect) => failed(o, expect, Comm100ConnectionError, 3),
  },
  {
    id: "reset-before-headers-once/GET",
    fault: "Connection reset before headers once, then 200",
    method: "GET",
    guarantee: "the 200's data; the reset is invisible",
    retried: "yes",
    script: (n) => (n === 1 ? { kind: "reset-before-headers" } : ok),
    run: (c) => c.agents.list(),
    check: (o, expect) => succeeded(o, expect, 2),
  },
  {
    id: "reset-before-headers/POST",
    fault: "Connection reset before headers on a POST",
    method: "POST",
    guarantee: "Comm100ConnectionError after exactly 1 attempt (POST is never retried)",
    retried: "no",
    script: () => ({ kind: "reset-before-headers" }),
    run: (c) => c.departments.create({ name: "Sales" }),
    check: (o, expect) => failed(o, expect, Comm100ConnectionError, 1),
  },
  {
    id: "reset-mid-body/GET",
    fault: "Connection reset after the headers, half way through the body, every attempt",
    method: "GET",
    guarantee: "Comm100ConnectionError after 1 + retries attempts (the body is read inside the attempt)",
    retried: "yes",
    script: () => ({ kind: "reset-mid-body", body: agentJson }),
    run: (c) => c.agents.list(),
    check: (o, expect) => failed(o, expect, Comm100ConnectionError, 3),
  },
  {
    id: "reset-mid-body-once/GET",
    fault: "Connection reset mid-body once, then 200",
    method: "GET",
    guarantee: "the 200's data",
    retried: "yes",
    script: (n) => (n === 1 ? { kind: "reset-mid-body", body: agentJson } : ok),
    run: (c) => c.agents.list(),
    check: (o, expect) => succeeded(o, expect, 2),
  },
  {
    id: "reset-mid-body/POST",
    fault: "Connection reset mid-body on a POST",
    method: "POST",
    guarantee: "Comm100ConnectionError after exactly 1 attempt",
    retried: "no",
    script: () => ({ kind: "reset-mid-body", body: agentJson }),
    run: (c) => c.departments.create({ name: "Sales" }),
    check: (o, expect) => failed(o, expect, Comm100ConnectionError, 1),
  },
  {
    id: "headers-never-come/GET",
    fault: "Headers never come (server accepts and stays silent)",
    method: "GET",
    guarantee: "Comm100TimeoutError after timeoutMs (300 ms here), 1 attempt: a timeout is not retried",
    retried: "no",
    options: { timeoutMs: 300 },
    script: () => ({ kind: "hang" }),
    run: (c) => c.agents.list(),
    check: (o, expect) => {
      failed(o, expect, Comm100TimeoutError, 1);
      expect(o.ms).toBeGreaterThanOrEqual(250);
      expect((o.error as Error).message).toMatch(/timed out after 300 ms/);
    },
  },
  {
    id: "body-stalls/GET",
    fault: "Headers sent, the body stalls half way",
    method: "GET",
    guarantee: "Comm100TimeoutError after timeoutMs: the timeout covers reading the body",
    retried: "no",
    options: { timeoutMs: 300 },
    script: () => ({ kind: "stall-body", body: agentJson }),
    run: (c) => c.agents.list(),
    check: (o, expect) => {
      failed(o, expect, Comm100TimeoutError, 1);
      expect(o.ms).toBeGreaterThanOrEqual(250);
    },
  },
  {
    id: "html-502/GET",
    fault: "502 Bad Gateway with an HTML body (a proxy's page), every attempt",
    method: "GET",
    guarantee: "Comm100ApiError status 502, body = the HTML text, code undefined, after 1 + retries attempts",
    retried: "yes",
    script: () => html(502, "Bad Gateway"),
    run: (c) => c.agents.list(),
    check: (o, expect) => {
      failed(o, expect, Comm100ApiError, 3);
      const e = o.error as Comm100ApiError;
      expect(e.status).toBe(502);
      expect(e.code).toBeUndefined();
      expect(String(e.body)).toMatch(/<h1>502 Bad Gateway<\/h1>/);
      expect(e.message).toBe("Request failed with status 502 Bad Gateway");
    },
  },
  {
    id: "html-503/GET",
    fault: "503 Service Unavailable with an HTML body, every attempt",
    method: "GET",
    guarantee: "Comm100ApiError status 503 with the HTML text as body, after 1 + retries attempts",
    retried: "yes",
    script: () => html(503, "Service Unavailable"),
    run: (c) => c.agents.list(),
    check: (o, expect) => {
      failed(o, expect, Comm100ApiError, 3);
      expect((o.error as Comm100ApiError).status).toBe(503);
      expect(String((o.error as Comm100ApiError).body)).toMatch(/503 Service Unavailable/);
    },
  },
  {
    id: "truncated-json/GET",
    fault: "200 whose JSON body is cut short (chunked, ends cleanly)",
    method: "GET",
    guarantee: "Comm100InvalidResponseError (a Comm100ApiError: status 200, body = the text), never a raw SyntaxError; 1 attempt",
    retried: "no",
    script: () => ({ kind: "truncated-json", body: agentJson }),
    run: (c) => c.agents.list(),
    check: (o, expect) => invalidJson(o, expect, agentJson.slice(0, Math.floor(agentJson.length / 2))),
  },
  {
    id: "invalid-json/GET",
    fault: "200 with Content-Type application/json and a body that is not JSON",
    method: "GET",
    guarantee: "Comm100InvalidResponseError with the text as body, never a raw SyntaxError; 1 attempt",
    retried: "no",
    script: () => ({ kind: "raw", status: 200, headers: { "content-type": "application/json" }, body: "<html>maintenance</html>" }),
    run: (c) => c.agents.list(),
    check: (o, expect) => invalidJson(o, expect, "<html>maintenance</html>"),
  },
  {
    id: "invalid-json/request-style",
    fault: "200 with invalid JSON through the request style (`GET(...)`)",
    method: "GET",
    guarantee: "rejects with Comm100InvalidResponseError (even without throwOnError: there is no typed `error` to return); 1 attempt",
    retried: "no",
    script: () => ({ kind: "raw", status: 200, headers: { "content-type": "application/json" }, body: '{"id": 1,}' }),
    run: (c) => c.GET("/livechat/operators"),
    check: (o, expect) => invalidJson(o, expect, '{"id": 1,}'),
  },
  {
    id: "503-burst-then-200/GET",
    fault: "A burst of 3 × 503 then 200 (retries: 3)",
    method: "GET",
    guarantee: "the 200's data after burst + 1 = 4 attempts",
    retried: "yes",
    options: { retry: { ...FAST_RETRY, retries: 3 } },
    script: (n) => (n <= 3 ? { kind: "json", status: 503, body: { code: 503000, message: "busy" } } : ok),
    run: (c) => c.agents.list(),
    check: (o, expect) => succeeded(o, expect, 4),
  },
  {
    id: "503-burst-exceeds-retries/GET",
    fault: "A burst of 5 × 503 with retries: 2",
    method: "GET",
    guarantee: "Comm100ApiError 503 (the last answer) after 3 attempts",
    retried: "yes",
    script: (n) => (n <= 5 ? { kind: "json", status: 503, body: { code: 503000, message: "busy" } } : ok),
    run: (c) => c.agents.list(),
    check: (o, expect) => {
      failed(o, expect, Comm100ApiError, 3);
      expect((o.error as Comm100ApiError).status).toBe(503);
    },
  },
  {
    id: "503-post/POST",
    fault: "503 on a POST",
    method: "POST",
    guarantee: "Comm100ApiError 503 after exactly 1 attempt",
    retried: "no",
    script: () => ({ kind: "json", status: 503, body: { code: 503000, message: "busy" } }),
    run: (c) => c.departments.create({ name: "Sales" }),
    check: (o, expect) => {
      failed(o, expect, Comm100ApiError, 1);
      expect((o.error as Comm100ApiError).status).toBe(503);
    },
  },
  {
    id: "retry-after-seconds/GET",
    fault: "503 with `Retry-After: 1`, then 200",
    method: "GET",
    guarantee: "waits ~1 s (not the 1-5 ms backoff), then the 200's data; 2 attempts",
    retried: "yes",
    script: (n) => (n === 1 ? { kind: "json", status: 503, body: {}, headers: { "retry-after": "1" } } : ok),
    run: (c) => c.agents.list(),
    check: (o, expect) => {
      succeeded(o, expect, 2);
      const gap = o.server.requests[1]!.at - o.server.requests[0]!.at;
      expect(gap).toBeGreaterThanOrEqual(900);
    },
  },
  {
    id: "retry-after-date/GET",
    fault: "503 with `Retry-After: <HTTP date 2 s ahead>`, then 200",
    method: "GET",
    guarantee: "waits until the date (1 s resolution), then the 200's data; 2 attempts",
    retried: "yes",
    script: (n) =>
      n === 1 ? { kind: "json", status: 503, body: {}, headers: { "retry-after": new Date(Date.now() + 2000).toUTCString() } } : ok,
    run: (c) => c.agents.list(),
    check: (o, expect) => {
      succeeded(o, expect, 2);
      const gap = o.server.requests[1]!.at - o.server.requests[0]!.at;
      expect(gap).toBeGreaterThanOrEqual(900);
    },
  },
  {
    id: "retry-after-capped/GET",
    fault: "503 with `Retry-After: 3600` and maxRetryAfterMs 200",
    method: "GET",
    guarantee:
      "not waited for (the server asks for longer than the cap): Comm100ApiError 503 at once, retryAfterMs 3600000 and the header on it; 1 attempt",
    retried: "no",
    options: { retry: { ...FAST_RETRY, retries: 2, maxRetryAfterMs: 200 } },
    script: () => ({ kind: "json", status: 503, body: {}, headers: { "retry-after": "3600" } }),
    run: (c) => c.agents.list(),
    check: (o, expect) => {
      failed(o, expect, Comm100ApiError, 1, 3000);
      const e = o.error as Comm100ApiError;
      expect([e.status, e.retryAfterMs, e.headers.get("retry-after")]).toEqual([503, 3_600_000, "3600"]);
    },
  },
  {
    id: "quota-403/GET",
    fault: "403 daily quota used up (code 403001)",
    method: "GET",
    guarantee: "Comm100QuotaExceededError (the body is the daily-quota answer), quotaResetsAt = next 00:00 UTC; 1 attempt",
    retried: "no",
    script: () => ({ kind: "json", status: 403, body: QUOTA }),
    run: (c) => c.agents.list(),
    check: (o, expect) => {
      failed(o, expect, Comm100QuotaExceededError, 1);
      const e = o.error as Comm100QuotaExceededError;
      expect(isQuotaExceeded(e.status, e.body)).toBe(true);
      expect(e.quotaResetsAt.getTime()).toBe(nextUtcMidnight(new Date(Date.now() - o.ms)).getTime());
    },
  },
  {
    id: "unauthorized-401/GET",
    fault: "401 wrong email or API key",
    method: "GET",
    guarantee: "Comm100AuthenticationError with the body's code and message; 1 attempt",
    retried: "no",
    script: () => ({ kind: "json", status: 401, body: { code: 401000, message: "Invalid email or API key." } }),
    run: (c) => c.agents.list(),
    check: (o, expect) => {
      failed(o, expect, Comm100AuthenticationError, 1);
      expect((o.error as Comm100AuthenticationError).code).toBe(401000);
    },
  },
  {
    id: "abort-before-send/GET",
    fault: "The caller's signal is already aborted",
    method: "GET",
    guarantee: "rejects with the signal's reason (AbortError); no connection and no request reach the server",
    retried: "n/a",
    script: () => ok,
    run: (c) => {
      const ac = new AbortController();
      ac.abort();
      return c.agents.list({}, { signal: ac.signal });
    },
    check: (o, expect) => {
      expect((o.error as Error)?.name).toBe("AbortError");
      expect(o.attempts).toBe(0);
      expect(o.connections).toBe(0);
      expect(o.ms).toBeLessThan(1000);
    },
  },
  {
    id: "abort-during-backoff/GET",
    fault: "The caller aborts while the client waits out `Retry-After: 30`",
    method: "GET",
    guarantee: "rejects with AbortError promptly (well before 30 s); 1 attempt",
    retried: "n/a",
    script: () => ({ kind: "json", status: 503, body: {}, headers: { "retry-after": "30" } }),
    run: (c) => {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 150);
      return c.agents.list({}, { signal: ac.signal });
    },
    check: (o, expect) => {
      expect((o.error as Error)?.name).toBe("AbortError");
      expect(o.attempts).toBe(1);
      expect(o.ms).toBeGreaterThanOrEqual(100);
      expect(o.ms).toBeLessThan(2000);
    },
  },
  {
    id: "concurrent-200/GET",
    fault: "200 concurrent requests on one client",
    method: "GET",
    guarantee: "all 200 resolve with their own data; the server sees exactly 200 requests",
    retried: "n/a",
    script: () => ok,
    run: (c) => Promise.all(Array.from({ length: 200 }, (_, i) => c.agents.get(`agent${i}@example.com`))),
    check: (o, expect) => {
      expect(o.error, String(o.error)).toBeUndefined();
      expect((o.value as unknown[]).length).toBe(200);
      expect(o.attempts).toBe(200);
      expect(new Set(o.server.requests.map((r) => r.url)).size).toBe(200);
      expect(o.ms).toBeLessThan(10_000);
    },
  },
  {
    id: "large-20mb/GET",
    fault: "A 20 MB JSON response",
    method: "GET",
    guarantee: "parsed fully (every item); 1 attempt",
    retried: "n/a",
    options: { timeoutMs: 30_000 },
    script: () => ({ kind: "large-json", bytes: 20 * 1024 * 1024 }),
    run: (c) => c.agents.list(),
    check: (o, expect) => {
      expect(o.error, String(o.error)).toBeUndefined();
      const items = o.value as { id: number; text: string }[];
      const { items: n } = largeJson(20 * 1024 * 1024);
      expect(items.length).toBe(n);
      expect(items[n - 1]!.id).toBe(n - 1);
      expect(items[n - 1]!.text.length).toBe(1000);
      expect(o.attempts).toBe(1);
      expect(o.ms).toBeLessThan(15_000);
    },
  },
  {
    id: "connection-refused/GET",
    fault: "Nothing listens on the port (connection refused)",
    method: "GET",
    guarantee: "Comm100ConnectionError (ECONNREFUSED) after 1 + retries attempts, counted at fetch",
    retried: "yes",
    script: () => ok,
    run: async (c, server) => {
      await server.close();
      return c.agents.list();
    },
    check: (o, expect) => {
      failed(o, expect, Comm100ConnectionError, 0);
      expect(o.fetchCalls).toBe(3);
      expect((o.error as Error).message).toMatch(/ECONNREFUSED/);
    },
  },
];

/** Creates the server, runs one scenario with `apiKey`, closes the server. Never throws. */
export async function runScenario(s: Scenario, apiKey: string, extra: Partial<Comm100ClientOptions> = {}): Promise<Outcome> {
  const server = await startFaultServer(s.script);
  try {
    let fetchCalls = 0;
    const inner = extra.fetch ?? ((r: Request) => globalThis.fetch(r));
    const c = createComm100Client({
      baseUrl: server.base,
      email: EMAIL,
      apiKey,
      retry: FAST_RETRY,
      ...s.options,
      ...extra,
      fetch: (r) => {
        fetchCalls++;
        return inner(r);
      },
    });
    const t0 = Date.now();
    let value: unknown;
    let error: unknown;
    try {
      value = await s.run(c, server);
    } catch (e) {
      error = e;
    }
    return { value, error, ms: Date.now() - t0, attempts: server.requests.length, connections: server.connections, fetchCalls, server };
  } finally {
    await server.close();
  }
}
