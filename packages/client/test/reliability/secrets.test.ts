// Nothing leaks: every scenario of the fault matrix is replayed with a distinctive API key, plus
// servers that echo the credentials back; every error, result, log event (logger hook and
// console.*), middleware view and inspected object is turned into text in every way a user might
// (String, util.inspect with hidden fields, JSON.stringify, stack, the cause chain) and searched
// for the key, its Basic value and the email:key pair. Plain http to a non-loopback host is
// refused before a byte is sent. Ordinary calls (the client object, echoed 401s, timeouts, the
// logger's events, config errors) are checked on the spot as well.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Comm100ConfigError, createComm100Client, type Middleware } from "../../src/index.js";
import { startFaultServer, type Fault } from "./fault-server.js";
import { writeFigures } from "./report.js";
import { json, mappedFetch, startServer, type TestServer } from "../helpers.js";
import { EMAIL, runScenario, SCENARIOS } from "./scenarios.js";

const KEY = "LeakCanary-7f3e2d1c0b9a88776655";
const PAIR = `${EMAIL}:${KEY}`;
const BASIC = Buffer.from(PAIR, "utf8").toString("base64");
const FORBIDDEN = [KEY, PAIR, BASIC, encodeURIComponent(PAIR)];

/** Everything captured, as [where, value]. */
const captured: [string, unknown][] = [];
const logLines: unknown[] = [];
const consoleLines: unknown[] = [];
const middlewareViews: unknown[] = [];
let texts = 0;
const leaks: string[] = [];

/** Every textual form of `x` a user could produce, including its cause chain and own properties. */
function renderings(x: unknown, depth = 0): string[] {
  const out: string[] = [];
  const safe = (f: () => unknown) => {
    try {
      out.push(String(f()));
    } catch (e) {
      out.push(`(unrenderable: ${(e as Error).message})`);
    }
  };
  safe(() => String(x));
  safe(() => inspect(x, { depth: 10, showHidden: true, getters: true }));
  safe(() => JSON.stringify(x));
  if (x instanceof Error) {
    safe(() => x.stack);
    safe(() => x.message);
    for (const k of Object.getOwnPropertyNames(x))
      safe(() => inspect((x as unknown as Record<string, unknown>)[k], { depth: 10, showHidden: true }));
    if (x.cause !== undefined && depth < 8) out.push(...renderings(x.cause, depth + 1));
  }
  return out;
}

function scan(where: string, x: unknown): void {
  for (const text of renderings(x)) {
    texts++;
    for (const f of FORBIDDEN)
      if (text.includes(f)) leaks.push(`${where}: contains ${f === KEY ? "the key" : f === BASIC ? "the Basic value" : "email:key"}`);
  }
}

const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((m) =>
  vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
    consoleLines.push([m, ...args]);
  }),
);
const logger = { debug: (message: string, data: Record<string, unknown>) => logLines.push([message, data]) };
const spy: Middleware = {
  onRequest: ({ request }) => {
    middlewareViews.push({ url: request.url, headers: Object.fromEntries(request.headers) });
  },
  onResponse: ({ response }) => {
    middlewareViews.push({ status: response.status, headers: Object.fromEntries(response.headers) });
  },
};

afterAll(() => {
  for (const s of spies) s.mockRestore();
  writeFigures("secrets", {
    scenariosReplayed: SCENARIOS.length,
    objectsScanned: captured.length,
    textsScanned: texts,
    leaks: leaks.length,
    leakList: leaks,
  });
});

describe("secrets: the fault matrix replayed with a canary key", () => {
  for (const s of SCENARIOS) {
    it(`${s.id}: no key in the error, result, logs, middleware view or client`, async () => {
      const o = await runScenario(s, KEY, { logger, middleware: [spy] });
      captured.push([`${s.id} error`, o.error], [`${s.id} value`, o.value]);
      // the outcome is still the guaranteed one with these hooks in place
      s.check(o, expect as never);
    });
  }
});

describe("secrets: servers that echo the credentials back", () => {
  const echoes: [string, (auth: string) => Fault, (c: ReturnType<typeof createComm100Client>) => Promise<unknown>][] = [
    [
      "401 JSON echoing key and header",
      (a) => ({ kind: "json", status: 401, body: { code: 401000, message: `Invalid key ${KEY} in ${a}` } }),
      (c) => c.agents.list(),
    ],
    [
      "400 JSON with the key in a nested field",
      (a) => ({ kind: "json", status: 400, body: { code: 400000, message: "bad", detail: { auth: a, pair: PAIR } } }),
      (c) => c.agents.list(),
    ],
    [
      "HTML 502 echoing the header",
      (a) => ({ kind: "raw", status: 502, headers: { "content-type": "text/html" }, body: `<pre>${a}\n${PAIR}</pre>` }),
      (c) => c.agents.list(),
    ],
    [
      "invalid JSON 200 starting with the key",
      () => ({ kind: "raw", status: 200, headers: { "content-type": "application/json" }, body: `${KEY} is not JSON` }),
      (c) => c.agents.list(),
    ],
    [
      "truncated JSON 200 echoing the pair",
      () => ({ kind: "truncated-json", body: `{"who":"${PAIR}","more":"${"x".repeat(200)}"}` }),
      (c) => c.agents.list(),
    ],
    [
      "request style with throwOnError",
      (a) => ({ kind: "json", status: 403, body: { code: 403000, message: a } }),
      (c) => c.GET("/livechat/operators"),
    ],
  ];
  for (const [name, fault, call] of echoes) {
    it(`${name}: redacted everywhere`, async () => {
      const server = await startFaultServer((_n, req) => fault(String(req.headers.authorization)));
      try {
        const c = createComm100Client({
          baseUrl: server.base,
          email: EMAIL,
          apiKey: KEY,
          retry: false,
          logger,
          middleware: [spy],
          throwOnError: true,
        });
        const err = await call(c).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(Error);
        expect(server.requests[0]!.headers.authorization).toBe(`Basic ${BASIC}`); // the server did get it
        captured.push([`echo ${name} error`, err]);
      } finally {
        await server.close();
      }
    });
  }

  it("a config error about a URL holding the key does not show it", () => {
    for (const opts of [
      { baseUrl: `http://${KEY}.example.com/api/v1` },
      { baseUrl: `https://x:${KEY}@example.com/api/v1` },
      { domain: KEY },
    ]) {
      const err = (() => {
        try {
          createComm100Client({ email: EMAIL, apiKey: KEY, ...opts } as never);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(Comm100ConfigError);
      captured.push([`config ${JSON.stringify(Object.keys(opts))}`, err]);
    }
  });
});

describe("secrets: plain http to a non-loopback host is refused before any byte", () => {
  let server: TestServer;
  /** Maps the made-up host `chat.comm100.internal` to the local server (a hosts-file entry in effect). */
  let mapped: ReturnType<typeof mappedFetch>;
  beforeAll(async () => {
    server = await startServer((_r, res) => json(res, 200, []));
    mapped = mappedFetch(server);
  });
  const reset = () => {
    server.requests.length = mapped.calls.length = 0;
  };

  it("https to the mapped host works (the mapping is real)", async () => {
    reset();
    const c = createComm100Client({ baseUrl: "https://chat.comm100.internal/api/v1", email: EMAIL, apiKey: KEY, fetch: mapped.fetch });
    expect(await c.agents.list()).toEqual([]);
    expect(mapped.calls).toEqual(["https://chat.comm100.internal/api/v1/livechat/operators"]);
    expect(server.requests).toHaveLength(1);
  });

  for (const baseUrl of [
    "http://chat.comm100.internal/api/v1",
    "http://10.0.0.8:4010/api/v1",
    "http://[fe80::1]/api/v1",
    "http://127.0.0.1.nip.io/api/v1",
    "http://localhost.example.com/api/v1",
  ]) {
    it(`${baseUrl}: Comm100ConfigError at creation, zero fetch calls, nothing received`, () => {
      reset();
      const globalSpy = vi.spyOn(globalThis, "fetch");
      expect(() => createComm100Client({ baseUrl, email: EMAIL, apiKey: KEY, fetch: mapped.fetch })).toThrow(Comm100ConfigError);
      expect(mapped.calls).toEqual([]);
      expect(globalSpy).not.toHaveBeenCalled();
      globalSpy.mockRestore();
      expect(server.requests).toEqual([]);
    });
  }

  it("a middleware rewrite to http://<non-loopback> is refused too (zero fetch calls)", async () => {
    reset();
    const c = createComm100Client({
      baseUrl: "https://chat.comm100.internal/api/v1",
      email: EMAIL,
      apiKey: KEY,
      fetch: mapped.fetch,
      middleware: [{ onRequest: ({ request }) => new Request(request.url.replace("https:", "http:"), request) }],
    });
    const err = await c.agents.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Comm100ConfigError);
    captured.push(["middleware rewrite error", err]);
    expect(mapped.calls).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it("a cross-origin redirect does not carry the Authorization header", async () => {
    const target = await startFaultServer(() => ({ kind: "json", status: 200, body: [] }));
    const origin = await startFaultServer(() => ({
      kind: "raw",
      status: 302,
      headers: { location: `${target.base}/livechat/operators` },
      body: "",
    }));
    try {
      const c = createComm100Client({ baseUrl: origin.base, email: EMAIL, apiKey: KEY });
      expect(await c.agents.list()).toEqual([]);
      expect(origin.requests[0]!.headers.authorization).toBe(`Basic ${BASIC}`);
      expect(target.requests).toHaveLength(1);
      expect(target.requests[0]!.headers.authorization).toBeUndefined();
    } finally {
      await Promise.all([target.close(), origin.close()]);
    }
  });
});

/** Fails at once, naming the rendering, when any form of `things` holds a credential (the verdict below scans them again). */
function expectClean(where: string, ...things: unknown[]) {
  for (const [i, t] of things.entries()) {
    captured.push([`${where} ${i}`, t]);
    for (const text of renderings(t)) for (const f of FORBIDDEN) expect(text, where).not.toContain(f);
  }
}

describe("secrets: the client, errors and logs of ordinary calls", () => {
  it("never in the client object", async () => {
    const s = await startServer();
    try {
      const comm100 = createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: KEY });
      expectClean("client", comm100, comm100.agents);
    } finally {
      await s.close();
    }
  });

  it("never in API errors, even when the server echoes the key", async () => {
    const s = await startServer((r, res) =>
      json(res, 401, { code: 401000, message: `Invalid API key ${KEY} (${r.headers.authorization})` }),
    );
    try {
      const comm100 = createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: KEY });
      const err = await comm100.agents.list().catch((e) => e);
      expect(err.status).toBe(401);
      expect(err.message).toContain("[REDACTED]");
      expectClean("echoed 401", err, err.body);
      const { error } = await createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: KEY, throwOnError: true })
        .GET("/livechat/operators")
        .catch((e) => ({ error: e }));
      expectClean("echoed 401, request style", error);
    } finally {
      await s.close();
    }
  });

  it("never in timeout and connection errors", async () => {
    const s = await startServer(() => {});
    const t = await createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: KEY, timeoutMs: 100 })
      .agents.list()
      .catch((e) => e);
    expectClean("timeout", t);
    await s.close();
    const c = await createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: KEY, retry: false })
      .agents.list()
      .catch((e) => e);
    expect(c.name).toBe("Comm100ConnectionError");
    expectClean("connection refused", c);
  });

  it("the logger gets redacted events", async () => {
    const s = await startServer((_r, res, n) => (n === 1 ? json(res, 503, {}) : json(res, 200, [])));
    try {
      const lines: unknown[] = [];
      const comm100 = createComm100Client({
        baseUrl: s.base,
        email: EMAIL,
        apiKey: KEY,
        retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 },
        logger: { debug: (msg, data) => lines.push([msg, data]) },
      });
      await comm100.agents.list({}, { headers: { "x-request-id": "r1" } });
      expect(lines.map((l) => (l as [string])[0])).toEqual([
        "comm100 request",
        "comm100 response",
        "comm100 retry",
        "comm100 request",
        "comm100 response",
      ]);
      const first = (lines[0] as [string, { headers: Record<string, string>; method: string; url: string }])[1];
      expect(first.headers.authorization).toBe("Basic [REDACTED]");
      expect(first.headers["x-request-id"]).toBe("r1");
      expect(first.method).toBe("GET");
      expect(first.url).toBe(`${s.base}/livechat/operators`);
      expectClean("logger events", lines);
    } finally {
      await s.close();
    }
  });

  it("config errors never hold the key", () => {
    for (const opts of [
      { domain: KEY },
      { baseUrl: `http://u:${KEY}@example.com/` },
      { baseUrl: `http://${KEY}.example.com/` },
      { baseUrl: KEY },
    ]) {
      const e = (() => {
        try {
          createComm100Client({ email: EMAIL, apiKey: KEY, ...opts } as never);
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(Error);
      expectClean(`config ${Object.keys(opts).join()}`, e);
    }
  });
});

describe("secrets: the verdict", () => {
  it("the client object, every captured error and value, log event, console line and middleware view are clean", () => {
    const c = createComm100Client({ baseUrl: "http://127.0.0.1:9/api/v1", email: EMAIL, apiKey: KEY, logger, middleware: [spy] });
    captured.push(["client", c], ["client.agents", c.agents], ["client.GET", c.GET]);
    for (const [where, x] of captured) scan(where, x);
    for (const [i, l] of logLines.entries()) scan(`logger event ${i}`, l);
    for (const [i, l] of consoleLines.entries()) scan(`console line ${i}`, l);
    for (const [i, v] of middlewareViews.entries()) scan(`middleware view ${i}`, v);
    // the hooks really saw traffic, so "clean" means something
    expect(logLines.length).toBeGreaterThan(SCENARIOS.length);
    expect(middlewareViews.length).toBeGreaterThan(SCENARIOS.length);
    expect(captured.filter(([, x]) => x instanceof Error).length).toBeGreaterThanOrEqual(20);
    console.info(
      `secrets: scanned ${texts} renderings of ${captured.length} objects, ${logLines.length} log events, ${consoleLines.length} console lines, ${middlewareViews.length} middleware views; leaks: ${leaks.length}`,
    );
    expect(leaks).toEqual([]);
  });
});
