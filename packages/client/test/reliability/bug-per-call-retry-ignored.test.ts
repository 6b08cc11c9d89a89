// Regression (issue 15): per-call options were only `signal`, `timeoutMs` and `headers`;
// `{ retry: false }` was silently ignored. `retry` now overrides the client's policy for one call,
// in the resource style and the request style, checked like the client option.
import { describe, expect, it } from "vitest";
import { clientFor, json, startServer } from "../helpers.js";

const flaky = () => startServer((_r, res) => json(res, 503, { code: 503000, message: "busy" }));

describe("bug: a per-call retry option is ignored", () => {
  it("retry: false makes one attempt where the client would make three", async () => {
    const s = await flaky();
    const c = clientFor(s);
    await expect(c.agents.list({}, { retry: false })).rejects.toMatchObject({ status: 503 });
    await c.GET("/livechat/operators", { retry: false } as never);
    expect(s.requests).toHaveLength(2);
  });

  it("retry: { retries: 4 } over a client with retry: false; unset fields keep the client's", async () => {
    const s = await flaky();
    const c = clientFor(s, { retry: false });
    await expect(c.agents.list({}, { retry: { retries: 4, minDelayMs: 1, maxDelayMs: 2 } })).rejects.toMatchObject({ status: 503 });
    expect(s.requests).toHaveLength(5);
    await c.GET("/livechat/operators", { retry: { retries: 1, minDelayMs: 1 } } as never);
    expect(s.requests).toHaveLength(7);
  });

  it("the iterator passes it to every page", async () => {
    const s = await flaky();
    const err = await (async () => {
      for await (const _ of clientFor(s).chats.listAll({}, { retry: false }));
    })().catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 503 });
    expect(s.requests).toHaveLength(1);
  });
});
