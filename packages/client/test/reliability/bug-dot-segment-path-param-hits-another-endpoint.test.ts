// Regression: a path parameter "." or ".." (or "%2e"-style spellings the URL parser treats the same)
// was encoded as is, and the URL parser removed it as a dot segment: `agents.delete("..")` sent
// `DELETE /api/v1/livechat/` and `agents.get(".")` sent `GET .../operators/`, another endpoint.
// Such a value cannot be sent in a path at all, so it is refused before any request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Comm100ConfigError, createComm100Client } from "../../src/index.js";
import { startFaultServer, type FaultServer } from "./fault-server.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer(() => ({ kind: "json", status: 200, body: {} }));
});
afterAll(() => server.close());

describe("bug: a dot-segment path parameter hits another endpoint", () => {
  for (const value of [".", ".."]) {
    it(`${JSON.stringify(value)} is refused with a Comm100ConfigError in both styles, nothing sent`, async () => {
      const c = createComm100Client({ baseUrl: server.base, email: "a@b.c", apiKey: "k-123456", retry: false });
      const calls = [
        () => c.agents.delete(value),
        () => c.agents.get(value),
        () => c.departments.update(value as never, { name: "x" }),
        () => c.DELETE("/livechat/operators/{email}", { params: { path: { email: value } } }),
      ];
      const before = server.requests.length;
      for (const call of calls) await expect(call()).rejects.toBeInstanceOf(Comm100ConfigError);
      expect(server.requests.slice(before).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    });
  }

  it("values that merely contain dots are sent encoded, to the right endpoint", async () => {
    const c = createComm100Client({ baseUrl: server.base, email: "a@b.c", apiKey: "k-123456", retry: false });
    const before = server.requests.length;
    for (const value of ["...", ".a", "a.", "%2e%2e", "../x"]) await c.agents.get(value);
    const sent = server.requests.slice(before);
    expect(sent.map((r) => decodeURIComponent(r.url.split("/").pop()!))).toEqual(["...", ".a", "a.", "%2e%2e", "../x"]);
    expect(sent.every((r) => r.url.startsWith("/api/v1/livechat/operators/"))).toBe(true);
  });
});
