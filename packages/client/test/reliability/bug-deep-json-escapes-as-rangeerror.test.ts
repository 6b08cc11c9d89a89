// Regression: a JSON error body nested about 5,000 levels deep (10 kB) escaped as a raw RangeError
// (the redaction serialised it back with JSON.stringify). Error bodies are now walked value by
// value with a depth bound; deeper ones end in Comm100InvalidResponseError.
import { describe, expect, it } from "vitest";
import { Comm100InvalidResponseError } from "../../src/index.js";
import { clientFor, startServer } from "../helpers.js";

const deep = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;

describe("bug: deeply nested JSON escapes as a RangeError", () => {
  for (const status of [400, 500]) {
    it(`a ${status} body 5,000 levels deep -> Comm100InvalidResponseError, both styles`, async () => {
      const s = await startServer((_r, res) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(deep(5000));
      });
      const c = clientFor(s, { retry: false });
      for (const call of [() => c.agents.list(), () => c.GET("/livechat/operators")]) {
        const err = await call().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(Comm100InvalidResponseError);
        expect(err).toMatchObject({ status, body: undefined });
      }
    });
  }

  it("a 200 body 5,000 levels deep is data, returned as parsed", async () => {
    const s = await startServer((_r, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`[${deep(5000)}]`);
    });
    const data = (await clientFor(s).agents.list()) as unknown[];
    expect(data).toHaveLength(1);
  });

  it("a 400 body 100 levels deep keeps its shape", async () => {
    const s = await startServer((_r, res) => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(deep(100));
    });
    const err = (await clientFor(s)
      .agents.list()
      .catch((e: unknown) => e)) as { body: unknown };
    let v = err.body as { a: unknown } | number;
    for (let i = 0; i < 100; i++) v = (v as { a: unknown }).a as never;
    expect(v).toBe(1);
  });
});
