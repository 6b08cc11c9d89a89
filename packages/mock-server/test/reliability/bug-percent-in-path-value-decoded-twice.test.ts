// Regression: path values were percent-decoded twice (once by the mock's decodePath, again by
// openapi-backend's path-parameter parser). A value with a literal "%" (sent as %25) either
// crashed the request with a 500 "URI malformed" (`100%@x.com`) or was silently changed
// (`%31`, sent as %2531, became "1" and passed as a valid integer id).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer, type MockServer } from "../../src/index.js";

const AUTH = `Basic ${Buffer.from("agent@example.com:mock-api-key").toString("base64")}`;
let server: MockServer;
beforeAll(async () => {
  // Stateless: the regression is in path decoding, checked against the documented answers.
  server = await createMockServer({ port: 0, stateless: true });
});
afterAll(() => server.close());

const get = async (path: string) => {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: AUTH } });
  return { status: res.status, body: (await res.json()) as { code?: number; message?: string } };
};

describe("bug: a percent sign in a path value is decoded twice", () => {
  it("an email with a literal % is a valid agent email (200), not a 500", async () => {
    for (const value of ["100%@x.com", "a%zz@x.com", "%", "%E0%A4%A"]) {
      const res = await get(`/livechat/operators/${encodeURIComponent(value)}`);
      expect(res.status, `${value}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  });

  it("an id of literal %31 is not the integer 1 (400), while 1 still is (200)", async () => {
    const bad = await get(`/livechat/departments/${encodeURIComponent("%31")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(400000);
    expect((await get("/livechat/departments/1")).status).toBe(200);
  });

  it("an encoded slash stays inside its segment", async () => {
    expect((await get(`/livechat/operators/${encodeURIComponent("a/b@x.com")}`)).status).toBe(200);
  });
});
