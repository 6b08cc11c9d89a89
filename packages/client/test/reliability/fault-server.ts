// Faults scripted per request on the recording test server (../helpers.ts): the n-th request
// (1-based, as the server counts them) gets `script(n, req)`. The server records every request and
// every TCP connection, so tests can assert how many attempts really reached it.
import type { ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { type Recorded, startServer, type TestServer } from "../helpers.js";

export type Fault =
  /** A JSON answer. */
  | { kind: "json"; status: number; body: unknown; headers?: Record<string, string> }
  /** Any bytes with any headers (HTML error pages, invalid JSON...). */
  | { kind: "raw"; status: number; body: string | Buffer; headers?: Record<string, string> }
  /** TCP reset (RST) before a single response byte. */
  | { kind: "reset-before-headers" }
  /** Status line and headers (with a Content-Length), half of the body, then a TCP reset. */
  | { kind: "reset-mid-body"; body: string }
  /** Never answers (the socket stays open until the client gives up or the server closes). */
  | { kind: "hang" }
  /** Headers (with a Content-Length) and half of the body, then silence. */
  | { kind: "stall-body"; body: string }
  /** Chunked 200 whose body is cut short, ending cleanly (no length to betray it). */
  | { kind: "truncated-json"; body: string }
  /** A JSON array of `bytes` bytes or more, streamed in chunks. */
  | { kind: "large-json"; bytes: number };

/** A request as the server saw it (n: 1-based order of arrival). */
export type SeenRequest = Recorded;

/** The recording test server, answering each request with the fault its script picks. */
export interface FaultServer extends Omit<TestServer, "handle"> {
  script(s: (n: number, req: SeenRequest) => Fault): void;
}

/** The big answer: `[{"id":0,"text":"xxxx..."},...]`, and the number of items in it. */
export function largeJson(bytes: number): { text: string; items: number } {
  const filler = "x".repeat(1000);
  const parts: string[] = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const item = `{"id":${i},"text":"${filler}"}`;
    parts.push(item);
    size += item.length + 1;
  }
  return { text: `[${parts.join(",")}]`, items: parts.length };
}

function play(f: Fault, res: ServerResponse, socket: Socket): void {
  switch (f.kind) {
    case "json":
      res.writeHead(f.status, { "content-type": "application/json", ...f.headers });
      res.end(JSON.stringify(f.body));
      return;
    case "raw":
      res.writeHead(f.status, { "content-length": String(Buffer.byteLength(f.body)), ...f.headers });
      res.end(f.body);
      return;
    case "reset-before-headers":
      socket.resetAndDestroy();
      return;
    case "reset-mid-body": {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(f.body)) });
      res.write(f.body.slice(0, Math.floor(f.body.length / 2)), () => setTimeout(() => socket.resetAndDestroy(), 20));
      return;
    }
    case "hang":
      return;
    case "stall-body":
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(f.body)) });
      res.write(f.body.slice(0, Math.floor(f.body.length / 2)));
      return;
    case "truncated-json":
      res.writeHead(200, { "content-type": "application/json" }); // chunked
      res.end(f.body.slice(0, Math.floor(f.body.length / 2)));
      return;
    case "large-json": {
      const { text } = largeJson(f.bytes);
      res.writeHead(200, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) });
      const buf = Buffer.from(text);
      const CHUNK = 1 << 20;
      let at = 0;
      const pump = () => {
        while (at < buf.length) {
          const ok = res.write(buf.subarray(at, at + CHUNK));
          at += CHUNK;
          if (!ok) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
      return;
    }
  }
}

export async function startFaultServer(
  script: (n: number, req: SeenRequest) => Fault = () => ({ kind: "json", status: 200, body: [] }),
): Promise<FaultServer> {
  let current = script;
  const server = await startServer((req, res) => play(current(req.n, req), res, res.socket as Socket));
  return {
    get url() {
      return server.url;
    },
    get base() {
      return server.base;
    },
    get requests() {
      return server.requests;
    },
    get connections() {
      return server.connections;
    },
    script: (s) => {
      current = s;
    },
    close: () => server.close(),
  };
}
