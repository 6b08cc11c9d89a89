// Regression: a custom `fetch` whose error carries the Request (as some fetch wrappers' errors do)
// leaked the Authorization header through `err.cause`. The cause is now a copy of the fetch error's
// name, redacted message and code (and of its own causes), nothing else.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Comm100ConnectionError, createComm100Client } from "../../src/index.js";
import { EMAIL, basicOf } from "../helpers.js";

const KEY = "cause-canary-key-7f3a9d";
const AUTH = basicOf(EMAIL, KEY).slice(6);

describe("bug: a fetch error's cause leaks Authorization", () => {
  it("the cause chain keeps name, message and code, never the Request or its headers", async () => {
    const fetch = async (req: Request): Promise<Response> => {
      const inner = Object.assign(new Error(`connect ECONNRESET (key ${KEY})`), {
        code: "ECONNRESET",
        request: req,
        headers: Object.fromEntries(req.headers),
      });
      throw Object.assign(new TypeError("fetch failed", { cause: inner }), { request: req, init: { headers: req.headers } });
    };
    const c = createComm100Client({ baseUrl: "https://example.com/api/v1", email: EMAIL, apiKey: KEY, fetch, retry: false });
    const err = (await c.agents.list().catch((e: unknown) => e)) as Comm100ConnectionError;
    expect(err).toBeInstanceOf(Comm100ConnectionError);
    expect(err.code).toBe("ECONNRESET");
    const cause = err.cause as Error & { cause: Error & { code?: string } };
    expect([cause.name, cause.message, cause.cause.message, cause.cause.code]).toEqual([
      "TypeError",
      "fetch failed",
      "connect ECONNRESET (key [REDACTED])",
      "ECONNRESET",
    ]);
    expect(Object.keys(cause)).not.toContain("request");
    const text = [inspect(err, { depth: Infinity, showHidden: true }), JSON.stringify(err), String(err.stack)].join("\n");
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(AUTH);
    expect(text).not.toContain("Basic ");
  });
});
