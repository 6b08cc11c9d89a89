// Regression: no cap on the response size. A 600 kB gzip bomb (600 MB decoded) ended after 29 s in a
// raw ERR_STRING_TOO_LONG at 700 MB RSS; an endless body held a gigabyte until the timeout. The body
// is now counted while it streams (decoded bytes): past `maxResponseBytes` (default 50 MiB) the read
// stops and the call fails with Comm100InvalidResponseError.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Comm100ConfigError, Comm100InvalidResponseError, createComm100Client } from "../../src/index.js";
import { clientFor, startServer } from "../helpers.js";

describe("bug: no response size cap", () => {
  it("a gzip bomb stops at maxResponseBytes with a typed error, not retried", async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 2 ** 20, 0x20)); // 64 MiB of spaces, ~64 kB on the wire
    const s = await startServer((_r, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(bomb.length) });
      res.end(bomb);
    });
    const err = await clientFor(s, { maxResponseBytes: 1_000_000 })
      .agents.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Comm100InvalidResponseError);
    expect((err as Error).message).toContain("larger than maxResponseBytes (1000000)");
    expect(s.requests).toHaveLength(1);
  });

  it("an endless body stops at the default cap (50 MiB); the socket is let go", async () => {
    let closed = false;
    const s = await startServer((_r, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      res.on("close", () => (closed = true));
      pump();
    });
    const err = await clientFor(s, { retry: false })
      .agents.list()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Comm100InvalidResponseError);
    expect((err as Error).message).toContain(`maxResponseBytes (${50 * 2 ** 20})`);
    await expect.poll(() => closed, { timeout: 10_000 }).toBe(true);
  });

  it("bodies up to the cap are read whole", async () => {
    const s = await startServer((_r, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify([{ id: 1, text: "x".repeat(1000) }]));
    });
    expect(await clientFor(s, { maxResponseBytes: 1100 }).agents.list()).toEqual([{ id: 1, text: "x".repeat(1000) }]);
  });

  it("maxResponseBytes must be a positive number", () => {
    for (const maxResponseBytes of [0, -1, Number.NaN, "1" as never])
      expect(() => createComm100Client({ email: "a@b.c", apiKey: "k", maxResponseBytes })).toThrow(Comm100ConfigError);
  });
});
