import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createMockHandler, type MockHandlerOptions } from "./mock.js";

export { createMockHandler, createAjv2020, loadDefaultSpec } from "./mock.js";
export type { MockHandler, MockHandlerOptions, OpenAPIDocument } from "./mock.js";
export type { Comm100Error } from "./errors.js";

export interface MockServerOptions extends MockHandlerOptions {
  /** TCP port; `0` (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
}

export interface MockServer {
  /** Base URL of the API, e.g. `http://127.0.0.1:4010/api/v1`: pass it as the client's `baseUrl`. */
  url: string;
  /** The port actually bound. */
  port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Starts a local Comm100 Live Chat API v1: Basic auth, request validation against the OpenAPI
 * description and the spec's examples as answers.
 */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 0, host = "127.0.0.1", ...handlerOptions } = options;
  const handler = createMockHandler(handlerOptions);
  const server: Server = createServer(handler);
  server.on("clientError", (_err, socket) => {
    // Unparseable HTTP (bad request line, oversized headers): answer 400 if the socket still can.
    if (socket.writable) {
      const body = JSON.stringify({ code: 400000, message: "The HTTP request is malformed." });
      socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    } else {
      socket.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${urlHost(host)}:${bound}${handler.basePath === "/" ? "" : handler.basePath}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
