// Regression: the https / loopback-only rule for plain http was checked on `baseUrl` only. A
// middleware (or anything below the request style) that rewrote the request to
// `http://<non-loopback host>` still got the Authorization header added by the transport, so the
// key went out in clear text. The transport now refuses such a URL before any byte is sent.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Comm100ConfigError, createComm100Client, type Middleware } from "../../src/index.js";

const KEY = "mw-rewrite-key-0123456789abcdef";
let port = 0;
const seen: (string | undefined)[] = [];
const server = createServer((req, res) => {
  seen.push(req.headers.authorization);
  res.writeHead(200, { "content-type": "application/json" });
  res.end("[]");
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Resolves the made-up host `comm100.internal` to the local server, like a DNS entry would. */
const calls: string[] = [];
const mappedFetch = (req: Request) => {
  calls.push(req.url);
  const u = new URL(req.url);
  return globalThis.fetch(new Request(`http://127.0.0.1:${port}${u.pathname}${u.search}`, req));
};

const rewriteTo = (origin: string): Middleware => ({
  onRequest({ request }) {
    const u = new URL(request.url);
    return new Request(`${origin}${u.pathname}${u.search}`, request);
  },
});

describe("bug: a middleware URL rewrite sends the key over plain http", () => {
  it("http://<non-loopback> after a rewrite: Comm100ConfigError, fetch never called, nothing received", async () => {
    seen.length = calls.length = 0;
    const c = createComm100Client({
      domain: "hosted.comm100.com",
      email: "a@b.c",
      apiKey: KEY,
      retry: false,
      fetch: mappedFetch,
      middleware: [rewriteTo("http://comm100.internal")],
    });
    const err = await c.agents.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Comm100ConfigError);
    expect(String(err)).not.toContain(KEY);
    expect(calls).toEqual([]);
    expect(seen).toEqual([]);
  });

  it("https://<any host> after a rewrite is still sent, with the header", async () => {
    seen.length = calls.length = 0;
    const c = createComm100Client({
      domain: "hosted.comm100.com",
      email: "a@b.c",
      apiKey: KEY,
      retry: false,
      fetch: mappedFetch,
      middleware: [rewriteTo("https://comm100.internal")],
    });
    expect(await c.agents.list()).toEqual([]);
    expect(calls).toEqual(["https://comm100.internal/api/v1/livechat/operators"]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^Basic /);
  });
});
