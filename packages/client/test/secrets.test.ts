// The API key and the Authorization value never show up in errors, inspection or logs.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createComm100Client } from "../src/index.js";
import { basicOf, EMAIL, json, startServer } from "./helpers.js";

const KEY = "f00dfacecafe0123456789abcdef4242";
const AUTH = basicOf(EMAIL, KEY).slice(6);

function assertClean(...things: unknown[]) {
  for (const t of things) {
    const texts = [String(t), inspect(t, { depth: 10, showHidden: true }), JSON.stringify(t) ?? ""];
    if (t instanceof Error) texts.push(String(t.stack), t.message, inspect(t.cause, { depth: 10 }));
    for (const text of texts) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(AUTH);
    }
  }
}

describe("secrets", () => {
  it("never in the client object", async () => {
    const s = await startServer();
    const comm100 = createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: KEY });
    assertClean(comm100, comm100.agents);
  });

  it("never in API errors, even when the server echoes the key", async () => {
    const s = await startServer((r, res) =>
      json(res, 401, { code: 401000, message: `Invalid API key ${KEY} (${r.headers.authorization})` }),
    );
    const comm100 = createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: KEY });
    const err = await comm100.agents.list().catch((e) => e);
    expect(err.status).toBe(401);
    expect(err.message).toContain("[REDACTED]");
    assertClean(err, err.body);
    const { error } = await createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: KEY, throwOnError: true })
      .GET("/livechat/operators")
      .catch((e) => ({ error: e }));
    assertClean(error);
  });

  it("never in timeout and connection errors", async () => {
    const s = await startServer(() => {});
    const t = await createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: KEY, timeoutMs: 100 }).agents.list().catch((e) => e);
    assertClean(t);
    await s.close();
    const c = await createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: KEY, retry: false }).agents.list().catch((e) => e);
    expect(c.name).toBe("Comm100ConnectionError");
    assertClean(c);
  });

  it("the logger gets redacted events", async () => {
    const s = await startServer((_r, res, n) => (n === 1 ? json(res, 503, {}) : json(res, 200, [])));
    const lines: unknown[] = [];
    const comm100 = createComm100Client({
      baseUrl: s.base,
      email: EMAIL,
      apiKey: KEY,
      retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 },
      logger: { debug: (msg, data) => lines.push([msg, data]) },
    });
    await comm100.agents.list({}, { headers: { "x-request-id": "r1" } });
    expect(lines.map((l) => (l as [string])[0])).toEqual(["comm100 request", "comm100 response", "comm100 retry", "comm100 request", "comm100 response"]);
    const first = (lines[0] as [string, { headers: Record<string, string>; method: string; url: string }])[1];
    expect(first.headers.authorization).toBe("Basic [REDACTED]");
    expect(first.headers["x-request-id"]).toBe("r1");
    expect(first.method).toBe("GET");
    expect(first.url).toBe(`${s.base}/livechat/operators`);
    assertClean(lines);
  });

  it("config errors never hold the key", () => {
    for (const opts of [{ domain: KEY }, { baseUrl: `http://u:${KEY}@example.com/` }, { baseUrl: `http://${KEY}.example.com/` }, { baseUrl: KEY }]) {
      const e = (() => {
        try {
          createComm100Client({ email: EMAIL, apiKey: KEY, ...opts } as never);
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(Error);
      assertClean(e);
    }
  });
});
