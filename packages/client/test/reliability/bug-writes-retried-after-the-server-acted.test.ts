// Regression: `PUT .../reset_api_key` was retried on 5xx and connection resets like any PUT,
// although each call issues a new key (a retry after the server acted threw the first new key
// away), and a DELETE retried after it had succeeded came back as 404. Writes are now repeated only
// when the failure shows the server did not act (the connection was refused, or a 429/503 with
// Retry-After), and operations marked `x-comm100-idempotent: false` in the spec never.
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { Comm100ConnectionError, Comm100InternalServerError } from "../../src/index.js";
import { OPERATIONS } from "../../src/generated/operations.js";
import { NEVER_REPEATED } from "../../src/generated/request-ops.js";
import { clientFor, json, startServer } from "../helpers.js";

const RETRY = { retry: { retries: 3, minDelayMs: 1, maxDelayMs: 2 } };

/** A base URL nothing listens on (a server started and closed): every connection is refused. */
async function refusedBase() {
  const s = await startServer();
  await s.close();
  return s;
}

describe("bug: writes are retried after the server acted", () => {
  it("the generated table marks reset API key and every POST as not idempotent, and nothing else", () => {
    const marked = OPERATIONS.filter((r) => NEVER_REPEATED.includes(`${r.method} ${r.path}`)).map((r) => `${r.ns}.${r.name}`);
    expect(marked).toContain("agents.resetApiKey");
    for (const r of OPERATIONS) if (r.method === "POST") expect(marked).toContain(`${r.ns}.${r.name}`);
    expect(marked).toHaveLength(OPERATIONS.filter((r) => r.method === "POST").length + 1);
  });

  it("reset API key: one attempt whatever the failure, in both styles, even with a per-call retry", async () => {
    const replies: ((res: ServerResponse) => void)[] = [
      (res) => json(res, 503, {}, { "retry-after": "0" }),
      (res) => json(res, 500, {}),
      (res) => res.socket!.destroy(),
    ];
    for (const reply of replies) {
      const s = await startServer((_r, res) => reply(res));
      const c = clientFor(s, RETRY);
      await expect(c.agents.resetApiKey("kelly@comm100.com", {}, { retry: { retries: 5 } })).rejects.toThrow();
      await c.PUT("/livechat/operators/{email}/reset_api_key", { params: { path: { email: "kelly@comm100.com" } } }).catch(() => undefined);
      expect(s.requests.map((r) => r.method)).toEqual(["PUT", "PUT"]);
    }
  });

  it("a refused connection: reads and idempotent writes are repeated, POST and reset API key are not", async () => {
    const s = await refusedBase();
    let calls = 0;
    const fetch = (req: Request) => {
      calls++;
      return globalThis.fetch(req);
    };
    const c = clientFor(s, { ...RETRY, fetch });
    const count = async (call: () => Promise<unknown>) => {
      calls = 0;
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Comm100ConnectionError);
      expect((err as Comm100ConnectionError).code).toBe("ECONNREFUSED");
      return calls;
    };
    expect(await count(() => c.agents.list())).toBe(4);
    expect(await count(() => c.departments.update(3, { name: "x" }))).toBe(4);
    expect(await count(() => c.agents.delete("a@b.c"))).toBe(4);
    expect(await count(() => c.departments.create({ name: "x" }))).toBe(1);
    expect(await count(() => c.agents.resetApiKey("a@b.c"))).toBe(1);
  });

  it("DELETE that the server performed before the connection broke: one attempt, the connection error (not a 404)", async () => {
    const deleted = new Set<string>();
    const s = await startServer((r, res) => {
      if (deleted.has(r.path)) return json(res, 404, { code: 404000, message: "not found" });
      deleted.add(r.path);
      res.socket!.destroy(); // acted, then the answer is lost
    });
    const err = await clientFor(s, RETRY)
      .agents.delete("kelly@comm100.com")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Comm100ConnectionError);
    expect(s.requests).toHaveLength(1);
  });

  it("PUT and DELETE on a plain 500: not repeated (the server may have acted); GET is", async () => {
    const s = await startServer((_r, res, n) => (n <= 2 ? json(res, 500, {}) : json(res, 200, [])));
    const c = clientFor(s, RETRY);
    await expect(c.departments.delete(3)).rejects.toBeInstanceOf(Comm100InternalServerError);
    await expect(c.agents.list()).resolves.toEqual([]);
    expect(s.requests.map((r) => r.method)).toEqual(["DELETE", "GET", "GET"]);
  });

  it("DELETE on a 503 with Retry-After (the server did not act): repeated, then its answer", async () => {
    const s = await startServer((_r, res, n) => (n === 1 ? json(res, 503, {}, { "retry-after": "0" }) : void res.writeHead(204).end()));
    await expect(clientFor(s, RETRY).departments.delete(3)).resolves.toBeUndefined();
    expect(s.requests.map((r) => r.method)).toEqual(["DELETE", "DELETE"]);
  });
});
