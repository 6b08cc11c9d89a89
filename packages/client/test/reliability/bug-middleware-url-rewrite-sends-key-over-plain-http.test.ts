// Regression: the https / loopback-only rule for plain http was checked on `baseUrl` only. A
// middleware (or anything below the request style) that rewrote the request to
// `http://<non-loopback host>` still got the Authorization header added by the transport, so the
// key went out in clear text. The transport now refuses such a URL before any byte is sent.
import { beforeAll, describe, expect, it } from "vitest";
import { Comm100ConfigError, createComm100Client, type Middleware } from "../../src/index.js";
import { json, mappedFetch, startServer, type TestServer } from "../helpers.js";

const KEY = "mw-rewrite-key-0123456789abcdef";
let server: TestServer;
/** Resolves the made-up host `comm100.internal` to the local server, like a DNS entry would. */
let mapped: ReturnType<typeof mappedFetch>;
beforeAll(async () => {
  server = await startServer((_r, res) => json(res, 200, []));
  mapped = mappedFetch(server);
});
const seen = () => server.requests.map((r) => r.headers.authorization);

const rewriteTo = (origin: string): Middleware => ({
  onRequest({ request }) {
    const u = new URL(request.url);
    return new Request(`${origin}${u.pathname}${u.search}`, request);
  },
});

describe("bug: a middleware URL rewrite sends the key over plain http", () => {
  it("http://<non-loopback> after a rewrite: Comm100ConfigError, fetch never called, nothing received", async () => {
    server.requests.length = mapped.calls.length = 0;
    const c = createComm100Client({
      domain: "hosted.comm100.com",
      email: "a@b.c",
      apiKey: KEY,
      retry: false,
      fetch: mapped.fetch,
      middleware: [rewriteTo("http://comm100.internal")],
    });
    const err = await c.agents.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Comm100ConfigError);
    expect(String(err)).not.toContain(KEY);
    expect(mapped.calls).toEqual([]);
    expect(seen()).toEqual([]);
  });

  it("https://<any host> after a rewrite is still sent, with the header", async () => {
    server.requests.length = mapped.calls.length = 0;
    const c = createComm100Client({
      domain: "hosted.comm100.com",
      email: "a@b.c",
      apiKey: KEY,
      retry: false,
      fetch: mapped.fetch,
      middleware: [rewriteTo("https://comm100.internal")],
    });
    expect(await c.agents.list()).toEqual([]);
    expect(mapped.calls).toEqual(["https://comm100.internal/api/v1/livechat/operators"]);
    expect(seen()).toHaveLength(1);
    expect(seen()[0]).toMatch(/^Basic /);
  });
});
