// The public entry points: a request listener (`createMockHandler`) and a listening server
// (`createMockServer`), both assembled from the pipeline in handler.ts.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdmin, isAdminPath } from "./admin.js";
import { documentedAnswer } from "./answer.js";
import { DEFAULT_ACCOUNT, type MockAccount } from "./control/accounts.js";
import type { TimeInput } from "./control/clock.js";
import { createControl, type MockControl } from "./control/control.js";
import { errorAnswer, type OperationAnswer } from "./errors.js";
import { createBackend, createPipeline, splitTarget } from "./handler.js";
import { createHttpServer, createListener, DEFAULT_BODY_LIMIT, type ServerTimeouts } from "./http.js";
import { readSpec, type OpenAPIDocument } from "./spec.js";
import type { DataInput } from "./state/load.js";
import { createStatefulMock } from "./state/stateful.js";

export interface MockHandlerOptions {
  /** The OpenAPI document (object) or the path of a JSON file; default: `@comm100-sdk/openapi/openapi.json`. */
  spec?: OpenAPIDocument | string;
  /** Largest request body accepted, in bytes; larger bodies get 413. Default 1 MiB. */
  bodyLimit?: number;
  /** Called once per answered request, e.g. for a log line. */
  onRequest?: (entry: { method: string; url: string; status: number; operationId?: string }) => void;
  /**
   * Answer every valid request with the spec's example, keep no data (the mock as it was before
   * the stateful store). Default `false`.
   */
  stateless?: boolean;
  /**
   * The accounts whose email and API key are accepted; any other credentials get 401. Default:
   * `DEFAULT_ACCOUNT` (agent@example.com / mock-api-key); in stateless mode any non-empty
   * email and key.
   */
  accounts?: MockAccount[];
  /** Your own data instead of the seeded account: the collections object, or a JSON file's path. */
  data?: DataInput;
  /** Items per page of the chat and offline message lists; default 10. */
  pageSize?: number;
  /** Daily request quota per account: past it, the documented 403 until 00:00 UTC (mock clock). */
  quota?: number;
  /** Start time of the mock clock (it keeps running); default the real time. */
  now?: TimeInput;
  /** Seed of everything random in the mock (the seeded data, which injected faults fire); default 1. */
  seed?: number;
}

/** A Node `http` request listener that answers like the Comm100 API, plus the path it serves under. */
export interface MockHandler extends MockControl {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Path prefix of every operation, taken from the spec's first server URL: `/api/v1`. */
  basePath: string;
  /** Settles when the spec is loaded; requests that arrive earlier wait for it. */
  ready: Promise<void>;
}

/**
 * Builds the request listener. The spec is read and dereferenced once; Ajv validators are
 * compiled the first time an operation is called (openapi-backend's `quick` mode, which is
 * also what lets it load an OpenAPI 3.1 document).
 */
export function createMockHandler(options: MockHandlerOptions = {}): MockHandler {
  const spec = readSpec(options.spec);
  const stateless = options.stateless ?? false;
  const base = createControl({ ...options, accounts: options.accounts ?? (stateless ? undefined : [DEFAULT_ACCOUNT]) });
  // The store reads the spec's schemas; openapi-backend may rewrite its copy while it loads.
  const state = stateless
    ? undefined
    : createStatefulMock({
        spec: structuredClone(spec),
        clock: base.clock,
        seed: options.seed,
        data: options.data,
        pageSize: options.pageSize,
      });
  const { api, basePath, ready } = createBackend(spec);
  const control: MockControl = {
    clock: base.clock,
    quota: base.quota,
    faults: base.faults,
    reset() {
      base.reset();
      state?.reset();
    },
    snapshot: () => ({ ...base.snapshot(), ...(state ? { data: state.snapshot() } : {}) }),
  };
  const answer = createPipeline(api, basePath, {
    ...base.behaviour((op, status, example) => documentedAnswer(api, op, status, example, [])),
    ...(state ? { answer: state.answer } : {}),
  });
  const admin = createAdmin(control);
  const loaded = ready.then(() => undefined);
  const listener = createListener(
    async (method, url, headers, bytes): Promise<OperationAnswer> => {
      await loaded;
      const { rawPath } = splitTarget(url);
      if (rawPath !== undefined && isAdminPath(rawPath)) return admin(method, rawPath, bytes);
      const fault = method === "OPTIONS" ? undefined : base.faultInjector.take();
      if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
      // An injected 5xx answers before auth, like a failing proxy, and is not counted in the quota.
      if (fault?.status !== undefined) return errorAnswer(fault.status, `Injected fault: the mock answers ${fault.status} as configured.`);
      return answer(method, url, headers, bytes);
    },
    options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    options.onRequest,
  );
  const { clock, quota, faults, reset, snapshot } = control;
  return Object.assign(listener, { basePath, ready: loaded, clock, quota, faults, reset, snapshot });
}

export interface MockServerOptions extends MockHandlerOptions, ServerTimeouts {
  /** TCP port; `0` (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
}

export interface MockServer extends MockControl {
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
  const { port = 0, host = "127.0.0.1", headersTimeoutMs, requestTimeoutMs, ...handlerOptions } = options;
  const handler = createMockHandler(handlerOptions);
  await handler.ready;
  const server = createHttpServer(handler, {
    ...(headersTimeoutMs !== undefined ? { headersTimeoutMs } : {}),
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const { clock, quota, faults, reset, snapshot } = handler;
  return {
    clock,
    quota,
    faults,
    reset,
    snapshot,
    url: `http://${urlHost(host)}:${bound}${handler.basePath === "/" ? "" : handler.basePath}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
