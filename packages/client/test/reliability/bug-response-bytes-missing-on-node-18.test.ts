// Regression: the buffered Response the transport hands back passed bytes() on to the runtime's
// own Response.bytes(), which Node 18 (a supported runtime) does not have, so `response.bytes()`
// threw "bytes is not a function" there. Now it is built on arrayBuffer(). The test removes the
// runtime's method for its duration, as on Node 18.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientFor, json, startServer, type TestServer } from "../helpers.js";

let server: TestServer;
const native = Object.getOwnPropertyDescriptor(Response.prototype, "bytes");

beforeEach(async () => {
  server = await startServer((_r, res) => json(res, 200, [{ email: "a@example.com" }]));
  delete (Response.prototype as { bytes?: unknown }).bytes;
});
afterEach(async () => {
  if (native) Object.defineProperty(Response.prototype, "bytes", native);
  await server.close();
});

describe("bug: response.bytes() throws where Response has no bytes()", () => {
  it("reads the body as a Uint8Array, once", async () => {
    expect("bytes" in Response.prototype).toBe(false);
    const { response } = await clientFor(server).GET("/livechat/operators", { parseAs: "stream" });
    const bytes = await response.bytes();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual([{ email: "a@example.com" }]);
    expect(response.bodyUsed).toBe(true);
    await expect(response.bytes()).rejects.toThrow(TypeError);
  });
});
