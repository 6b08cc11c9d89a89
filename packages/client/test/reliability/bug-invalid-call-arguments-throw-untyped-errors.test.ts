// Regression: bad arguments at run time escaped as raw TypeError/URIError/Error from deep inside
// openapi-fetch or the Request constructor (lone surrogates, symbols, BigInt in a JSON body, a
// header value with a newline, a signal that is not an AbortSignal, a missing path parameter,
// middleware that is not a middleware). They are now Comm100ConfigErrors, thrown before any request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Comm100ConfigError, createComm100Client } from "../../src/index.js";
import { startFaultServer, type FaultServer } from "./fault-server.js";

const KEY = "untyped-key-0123456789abcdef";
let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer(() => ({ kind: "json", status: 200, body: {} }));
});
afterAll(() => server.close());

describe("bug: invalid call arguments throw untyped errors", () => {
  const cases: [string, (c: ReturnType<typeof createComm100Client>) => Promise<unknown>][] = [
    ["lone surrogate in a path parameter", (c) => c.agents.get("\uD800")],
    ["lone surrogate in a query value", (c) => c.agents.list({ x: "a\uDC00" } as never)],
    ["lone surrogate in a form field", (c) => c.departments.create({ name: "\uD800" })],
    ["lone surrogate, request style", (c) => c.GET("/livechat/operators/{email}", { params: { path: { email: "\uD800" } } })],
    ["a Symbol as a path parameter", (c) => c.agents.get(Symbol("x") as never)],
    ["a BigInt in the JSON body", (c) => c.visitors.updateCustomVariables("v1", [{ name: "a", value: 1n }] as never)],
    ["a header value with a newline", (c) => c.agents.list({}, { headers: { "x-trace": "a\nb" } })],
    ["a signal that is not an AbortSignal", (c) => c.agents.list({}, { signal: {} as AbortSignal })],
    ["a missing path parameter", (c) => c.agents.get(undefined as never)],
    ["an empty path parameter", (c) => c.departments.get("" as never)],
  ];
  for (const [name, call] of cases) {
    it(`${name} -> Comm100ConfigError, nothing sent, no key in it`, async () => {
      const before = server.requests.length;
      const c = createComm100Client({ baseUrl: server.base, email: "a@b.c", apiKey: KEY, retry: false });
      const err = await call(c).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Comm100ConfigError);
      expect(server.requests.length).toBe(before);
      expect(`${String(err)} ${(err as Error).stack}`).not.toContain(KEY);
    });
  }

  it("middleware that is not a middleware -> Comm100ConfigError at creation", () => {
    for (const middleware of ["x", [5], ["y"]])
      expect(() => createComm100Client({ baseUrl: server.base, email: "a@b.c", apiKey: KEY, middleware } as never)).toThrow(
        Comm100ConfigError,
      );
  });

  it("the caller's abort reason still passes through unchanged", async () => {
    const c = createComm100Client({ baseUrl: server.base, email: "a@b.c", apiKey: KEY, retry: false });
    const reason = new TypeError("my own reason");
    const ac = new AbortController();
    ac.abort(reason);
    await expect(c.agents.list({}, { signal: ac.signal })).rejects.toBe(reason);
  });
});
