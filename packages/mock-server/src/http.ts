// HTTP: reading bodies up to a limit, writing answers, and the server with its timeouts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { errorAnswer, ParseError, type MockAnswer, type OperationAnswer } from "./errors.js";

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Time allowed to receive the request head (slowloris). */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** Time allowed to receive the whole request, body included (stalled bodies). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "preference-applied, allow, www-authenticate",
};

export function sendAnswer(res: ServerResponse, a: MockAnswer): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = { ...CORS_HEADERS, ...(a.headers ?? {}) };
  let payload: Buffer | undefined;
  if (a.body !== undefined) {
    payload = Buffer.from(JSON.stringify(a.body), "utf8");
    headers["content-type"] = "application/json; charset=utf-8";
  }
  headers["content-length"] = payload?.length ?? 0;
  res.writeHead(a.status, headers);
  res.end(payload);
}

/** Reads the body up to the limit and drains the rest; never rejects. */
export function readBody(req: IncomingMessage, limit: number): Promise<{ bytes: Buffer; tooLarge: boolean; aborted: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers["content-length"] ?? 0) > limit;
    const done = (aborted: boolean) => resolve({ bytes: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge, aborted });
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on("end", () => done(false));
    req.on("error", () => done(true));
    req.on("aborted", () => done(true));
  });
}

export type Answerer = (
  method: string,
  url: string,
  headers: IncomingMessage["headers"],
  bytes: Buffer,
) => OperationAnswer | Promise<OperationAnswer>;

/** A request listener around an answerer: body limit, 400 for unreadable requests, 500 for bugs. */
export function createListener(
  answer: Answerer,
  bodyLimit: number,
  onRequest?: (entry: { method: string; url: string; status: number; operationId?: string }) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on("error", () => {});
    const method = (req.method ?? "GET").toUpperCase();
    const url = req.url ?? "/";
    const { bytes, tooLarge, aborted } = await readBody(req, bodyLimit);
    if (aborted) return;
    let a: OperationAnswer;
    if (tooLarge) {
      a = errorAnswer(413, `The request body is larger than the limit of ${bodyLimit} bytes.`);
    } else {
      try {
        a = await answer(method, url, req.headers, bytes);
      } catch (e) {
        a =
          e instanceof ParseError
            ? errorAnswer(400, e.message)
            : errorAnswer(500, `The mock server failed: ${(e as Error)?.message ?? String(e)}`);
      }
    }
    sendAnswer(res, a);
    onRequest?.({ method, url, status: a.status, ...(a.operationId ? { operationId: a.operationId } : {}) });
  }
  return (req, res) => {
    handle(req, res).catch(() => {
      try {
        sendAnswer(res, errorAnswer(500, "The mock server failed."));
      } catch {
        res.destroy();
      }
    });
  };
}

export interface ServerTimeouts {
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

/** A Node HTTP server with bounded header and request times and a 400 for unparseable HTTP. */
export function createHttpServer(listener: (req: IncomingMessage, res: ServerResponse) => void, timeouts: ServerTimeouts = {}): Server {
  const requestTimeout = timeouts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(timeouts.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS, requestTimeout);
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      // How often Node checks the two timeouts above (default 30 s would let a stalled body live that much longer).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4))),
    },
    listener,
  );
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    // Node answers its own timeouts with 408; unparseable HTTP gets 400 with the Comm100 body.
    const timedOut = err.code === "ERR_HTTP_REQUEST_TIMEOUT";
    const status = timedOut ? 408 : 400;
    const body = JSON.stringify({
      code: status * 1000,
      message: timedOut ? "The request took too long to arrive." : "The HTTP request is malformed.",
    });
    socket.end(
      `HTTP/1.1 ${status} ${timedOut ? "Request Timeout" : "Bad Request"}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}
