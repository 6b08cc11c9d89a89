// Basic auth on the wire for every domain of the spec and for a loopback baseUrl; option validation.
import { describe, expect, it } from "vitest";
import { Comm100ConfigError, createComm100Client, DEFAULT_DOMAIN, DOMAINS, type Comm100Domain } from "../src/index.js";
import { API_KEY, basicOf, EMAIL, json, startServer } from "./helpers.js";

describe("domains", () => {
  it("the spec lists seven domains, hosted.comm100.com first and default", () => {
    expect(DOMAINS).toHaveLength(7);
    expect(DEFAULT_DOMAIN).toBe("hosted.comm100.com");
  });

  for (const domain of [undefined, ...DOMAINS] as (Comm100Domain | undefined)[]) {
    it(`${domain ?? "default domain"} -> https://${domain ?? DEFAULT_DOMAIN}/api/v1 with the Basic header`, async () => {
      const s = await startServer((_r, res) => json(res, 200, [{ id: 1, email: "a@b.c" }]));
      const seen: string[] = [];
      const comm100 = createComm100Client({
        ...(domain ? { domain } : {}),
        email: EMAIL,
        apiKey: API_KEY,
        // route the real origin to the recorder
        fetch: (req) => {
          seen.push(req.url);
          const u = new URL(req.url);
          return globalThis.fetch(new Request(s.url + u.pathname + u.search, req));
        },
      });
      const agents = await comm100.agents.list();
      expect(agents).toEqual([{ id: 1, email: "a@b.c" }]);
      expect(seen).toEqual([`https://${domain ?? DEFAULT_DOMAIN}/api/v1/livechat/operators`]);
      expect(s.requests[0]!.path).toBe("/api/v1/livechat/operators");
      expect(s.requests[0]!.headers.authorization).toBe(basicOf(EMAIL, API_KEY));
    });
  }
});

describe("baseUrl", () => {
  it("a loopback http baseUrl is used as is, with the Basic header", async () => {
    const s = await startServer((_r, res) => json(res, 200, { id: 1 }));
    const comm100 = createComm100Client({ baseUrl: `${s.base}/`, email: EMAIL, apiKey: API_KEY });
    await comm100.GET("/livechat/operators");
    expect(s.requests[0]!.method).toBe("GET");
    expect(s.requests[0]!.path).toBe("/api/v1/livechat/operators");
    expect(s.requests[0]!.headers.authorization).toBe(`Basic ${btoa(`${EMAIL}:${API_KEY}`)}`);
  });

  it("accepts localhost, 127.x.y.z, [::1] and https anywhere", () => {
    for (const baseUrl of [
      "http://localhost:4010/api/v1",
      "http://127.1.2.3/api/v1",
      "http://[::1]:8080/api/v1",
      "https://proxy.example.com/comm100/api/v1",
    ])
      expect(() => createComm100Client({ baseUrl, email: EMAIL, apiKey: API_KEY })).not.toThrow();
  });
});

describe("UTF-8 credentials", () => {
  it("non-Latin-1 email and key round-trip through the Basic header", async () => {
    const s = await startServer();
    const email = "agént@例え.jp";
    const apiKey = "κλειδί🔑";
    const comm100 = createComm100Client({ baseUrl: s.base, email, apiKey });
    await comm100.agents.list();
    const header = String(s.requests[0]!.headers.authorization);
    expect(header).toBe(basicOf(email, apiKey));
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
    expect(decoded).toBe(`${email}:${apiKey}`);
  });
});

describe("bad options throw Comm100ConfigError without the key", () => {
  const key = "SECRET-KEY-must-not-leak-42";
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["unknown domain", { domain: "evil.example.com" }, /domain/],
    ["missing email", { email: undefined }, /email/],
    ["empty email", { email: "" }, /email/],
    ["missing apiKey", { apiKey: undefined }, /apiKey/],
    ["empty apiKey", { apiKey: "" }, /apiKey/],
    ["domain and baseUrl", { domain: "hosted.comm100.com", baseUrl: "https://x.example/api/v1" }, /either/],
    ["bad URL", { baseUrl: "not a url" }, /baseUrl/],
    ["http on a public host", { baseUrl: "http://api.example.com/api/v1" }, /https/],
    ["http on a private non-loopback host", { baseUrl: "http://10.0.0.1/api/v1" }, /https/],
    ["credentials in the URL", { baseUrl: `https://me:${key}@x.example/api/v1` }, /credentials/],
    ["key as the domain", { domain: key }, /domain/],
    ["bad timeout", { timeoutMs: -1 }, /timeoutMs/],
    ["bad retries", { retry: { retries: 1.5 } }, /retries/],
  ];
  for (const [name, patch, re] of cases) {
    it(name, () => {
      let err: unknown;
      try {
        createComm100Client({ email: EMAIL, apiKey: key, ...patch } as never);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(Comm100ConfigError);
      const e = err as Error;
      expect(e.message).toMatch(re);
      for (const text of [e.message, String(e.stack), String(e), JSON.stringify(e)]) expect(text).not.toContain(key);
    });
  }

  it("no request is made when the options are bad", async () => {
    let calls = 0;
    expect(() =>
      createComm100Client({
        baseUrl: "http://example.com/api/v1",
        email: EMAIL,
        apiKey: API_KEY,
        fetch: async () => {
          calls++;
          return new Response("{}");
        },
      }),
    ).toThrow(Comm100ConfigError);
    expect(calls).toBe(0);
  });
});
