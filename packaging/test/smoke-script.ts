// What every runtime of the matrix runs against the mock server, and what its result must be.
import { expect } from "vitest";

/**
 * The body of an async function with `createComm100Client`, `Comm100ApiError` and `baseUrl` in
 * scope. Every fetch is counted (the guard is installed before the client exists): one to
 * anywhere but 127.0.0.1 is refused and recorded. It makes four calls: agents.list(), a
 * request-style GET, the same GET read with `response.bytes()`, and a typed 401 (asked for with
 * `Prefer: code=401`), and returns what the test checks.
 */
export const SMOKE_BODY = `
  const external = [];
  let loopback = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== "127.0.0.1") {
      external.push(url.href);
      return Promise.reject(new TypeError("blocked: " + url.href));
    }
    loopback++;
    return realFetch(input, init);
  };
  try {
    const comm100 = createComm100Client({ baseUrl, email: "agent@example.com", apiKey: "not-a-real-key" });
    const agents = await comm100.agents.list();
    const { data, error, response } = await comm100.GET("/livechat/operators");
    const raw = await comm100.GET("/livechat/operators", { parseAs: "stream" });
    const bytes = await raw.response.bytes();
    let unauthorized = null;
    try {
      await comm100.agents.list(undefined, { headers: { Prefer: "code=401" } });
    } catch (e) {
      unauthorized = { isApiError: e instanceof Comm100ApiError, status: e.status };
    }
    return {
      status: response.status,
      error: error ?? null,
      requestStyle: Array.isArray(data) ? data.length : -1,
      resourceStyle: Array.isArray(agents) ? agents.length : -1,
      firstEmail: Array.isArray(agents) && agents[0] ? typeof agents[0].email : null,
      bytes: {
        isUint8Array: bytes instanceof Uint8Array,
        items: (() => { const v = JSON.parse(new TextDecoder().decode(bytes)); return Array.isArray(v) ? v.length : -1; })(),
      },
      unauthorized,
      external,
      loopback,
    };
  } finally {
    globalThis.fetch = realFetch;
  }
`;

/** An ES module that imports the client, runs the smoke body and prints its result as JSON. */
export const esmScript = (baseUrl: string, extra = "") => `import { createComm100Client, Comm100ApiError } from "@comm100-sdk/client";
const baseUrl = ${baseUrl};
const result = await (async () => {${SMOKE_BODY}})();
console.log(JSON.stringify({ ...result, resolved: import.meta.resolve("@comm100-sdk/client")${extra} }));
`;

/** The same as a CommonJS script (Node's `require`). */
export const cjsScript = (baseUrl: string, extra = "") => `const { createComm100Client, Comm100ApiError } = require("@comm100-sdk/client");
const baseUrl = ${baseUrl};
(async () => {${SMOKE_BODY}})().then(
  (result) => console.log(JSON.stringify({ ...result, resolved: require.resolve("@comm100-sdk/client")${extra} })),
  (e) => { console.error(e); process.exit(1); },
);
`;

/** An entry for a bundler: exports `smoke(baseUrl)` (workerd and edge-runtime cannot read node_modules). */
export const bundleEntry = `import { createComm100Client, Comm100ApiError } from "@comm100-sdk/client";
export async function smoke(baseUrl) {${SMOKE_BODY}}
`;

/** The last line a script prints is its JSON result. */
export const lastJson = (out: string) => JSON.parse(out.trim().split("\n").at(-1)!);

/** `resolved`: which file of the client the runtime loaded, e.g. /dist\/index\.js$/ for ESM. */
export function expectWorkingClient(r: any, resolved: RegExp) {
  expect(r.thrown, "the runtime threw").toBeUndefined();
  expect(r.error ?? null).toBeNull();
  expect(r.resolved).toMatch(resolved);
  expect(r.status).toBe(200);
  expect(r.requestStyle).toBeGreaterThan(0);
  expect(r.resourceStyle).toBe(r.requestStyle);
  expect(r.firstEmail).toBe("string");
  expect(r.bytes).toEqual({ isUint8Array: true, items: r.requestStyle });
  expect(r.unauthorized).toEqual({ isApiError: true, status: 401 });
  // Nothing left 127.0.0.1, and the four calls went through the counted fetch.
  expect(r.external).toEqual([]);
  expect(r.loopback).toBeGreaterThanOrEqual(4);
}

export const ESM_ENTRY = /\/@comm100-sdk\/client\/dist\/index\.js$/;
export const CJS_ENTRY = /\/@comm100-sdk\/client\/dist\/index\.cjs$/;
