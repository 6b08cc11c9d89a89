// The one recording test server on 127.0.0.1 (node:http): it records every request and TCP
// connection and answers with a configurable handler (reliability/fault-server.ts scripts faults
// on top of it).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";
import { createComm100Client, type Comm100ClientOptions } from "../src/index.js";

export interface Recorded {
  /** 1-based, in the order the server received the requests */
  n: number;
  /** Date.now() when the request had been read */
  at: number;
  method: string;
  /** raw request target, e.g. /api/v1/livechat/operators/a%40b.c?x=1 */
  url: string;
  path: string;
  query: URLSearchParams;
  rawQuery: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

export type Handler = (req: Recorded, res: ServerResponse, n: number) => void | Promise<void>;

export const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

export interface TestServer {
  url: string;
  /** base URL of the API on this server */
  base: string;
  requests: Recorded[];
  /** TCP connections accepted so far. */
  connections: number;
  handle(h: Handler): void;
  close(): Promise<void>;
}

const open: TestServer[] = [];
afterAll(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Starts a recording server; closed automatically after the file's tests. */
export async function startServer(handler: Handler = (_r, res) => json(res, 200, {})): Promise<TestServer> {
  let h = handler;
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = req.url ?? "/";
      const q = raw.indexOf("?");
      const rec: Recorded = {
        n: requests.length + 1,
        at: Date.now(),
        method: req.method ?? "",
        url: raw,
        path: q < 0 ? raw : raw.slice(0, q),
        rawQuery: q < 0 ? "" : raw.slice(q + 1),
        query: new URLSearchParams(q < 0 ? "" : raw.slice(q + 1)),
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(rec);
      // a scripted reset or hang-up must not become an unhandled error
      res.on("error", () => {});
      Promise.resolve(h(rec, res, rec.n)).catch((e) => {
        res.destroy(e as Error);
      });
    });
  });
  const sockets = new Set<import("node:net").Socket>();
  server.on("connection", (s) => {
    ts.connections++;
    sockets.add(s);
    s.on("error", () => {});
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const ts: TestServer = {
    url,
    base: `${url}/api/v1`,
    requests,
    connections: 0,
    handle: (x) => {
      h = x;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const sock of sockets) sock.destroy();
        server.close(() => r());
      }),
  };
  open.push(ts);
  return ts;
}

/**
 * A fetch that sends every request to `server` whatever host its URL names (a hosts-file entry in
 * effect), so tests can use made-up hosts; `calls` records the URLs it was asked for.
 */
export function mappedFetch(server: TestServer): { fetch: (req: Request) => Promise<Response>; calls: string[] } {
  const calls: string[] = [];
  const fetch = (req: Request) => {
    calls.push(req.url);
    const u = new URL(req.url);
    return globalThis.fetch(new Request(`${server.url}${u.pathname}${u.search}`, req));
  };
  return { fetch, calls };
}

export const EMAIL = "agent@example.com";
export const API_KEY = "sk-test-0123456789abcdef0123456789abcdef";

/** A client on the test server, with fast retries. */
export function clientFor(s: TestServer, extra: Partial<Comm100ClientOptions> = {}) {
  return createComm100Client({
    baseUrl: s.base,
    email: EMAIL,
    apiKey: API_KEY,
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  });
}

export const basicOf = (email: string, key: string) => `Basic ${Buffer.from(`${email}:${key}`, "utf8").toString("base64")}`;
