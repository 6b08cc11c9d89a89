// Regression: a request whose body (or head) stalls kept its socket open for Node's default
// 300 s. The mock now bounds the time to receive the head (`headersTimeoutMs`, default 10 s) and
// the whole request (`requestTimeoutMs`, default 30 s) and answers 408 with the Comm100 body.
// Short limits here so the test runs fast; the assertion is on what happens, not on timing.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer, type MockServer } from "../../src/index.js";
import { AUTH } from "../helpers.js";

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ port: 0, headersTimeoutMs: 300, requestTimeoutMs: 600 });
});
afterAll(() => server.close());

/** Sends `text` and never more; resolves with everything the server wrote before it closed. */
function stall(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1", () => socket.write(text));
    let data = "";
    socket.on("data", (d: Buffer) => (data += d.toString("latin1")));
    socket.on("close", () => resolve(data));
    socket.on("error", reject);
  });
}

describe("bug: a stalled request body holds the socket open", () => {
  it("a body that stops half way is answered 408 and the socket is closed", { timeout: 20_000 }, async () => {
    const reply = await stall(
      `POST /api/v1/livechat/departments HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTH}\r\n` +
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nname=a",
    );
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(reply).toContain('"code":408000');
  });

  it("a head that never ends is answered 408 and the socket is closed", { timeout: 20_000 }, async () => {
    const reply = await stall("GET /api/v1/livechat/departments HTTP/1.1\r\nHost: x\r\n");
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("requests that arrive in time are answered as before", async () => {
    expect((await fetch(`${server.url}/livechat/departments`, { headers: { authorization: AUTH } })).status).toBe(200);
  });
});
