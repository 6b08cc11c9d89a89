// Per-attempt timeouts that cover headers and body; user aborts.
import { describe, expect, it } from "vitest";
import { Comm100TimeoutError } from "../src/index.js";
import { clientFor, startServer } from "./helpers.js";

describe("timeouts", () => {
  it("headers never come -> Comm100TimeoutError", async () => {
    const s = await startServer(() => {
      /* never answer */
    });
    const err = await clientFor(s, { timeoutMs: 300, retry: false })
      .agents.list()
      .catch((e) => e);
    expect(err).toBeInstanceOf(Comm100TimeoutError);
    expect(err.message).toMatch(/timed out after 300 ms/);
  });

  it("the body stalls halfway -> Comm100TimeoutError", async () => {
    const s = await startServer((_r, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('[{"id": 1, "email": ');
      // ...and nothing more
    });
    const err = await clientFor(s, { timeoutMs: 300, retry: false })
      .agents.list()
      .catch((e) => e);
    expect(err).toBeInstanceOf(Comm100TimeoutError);
  });

  it("the per-request timeoutMs overrides the client's", async () => {
    const s = await startServer(() => {});
    const t0 = Date.now();
    const err = await clientFor(s, { timeoutMs: 60_000, retry: false })
      .agents.list({}, { timeoutMs: 200 })
      .catch((e) => e);
    expect(err).toBeInstanceOf(Comm100TimeoutError);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const err2 = await clientFor(s, { timeoutMs: 60_000, retry: false })
      .GET("/livechat/operators", { timeoutMs: 200 })
      .catch((e) => e);
    expect(err2).toBeInstanceOf(Comm100TimeoutError);
  });

  it("timeouts are per attempt and not retried", async () => {
    const s = await startServer(() => {});
    await expect(clientFor(s, { timeoutMs: 200 }).agents.list()).rejects.toBeInstanceOf(Comm100TimeoutError);
    expect(s.requests).toHaveLength(1);
  });

  it("a user abort rejects with the signal's reason, not a timeout", async () => {
    const s = await startServer(() => {});
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error("user gave up")), 100);
    const err = await clientFor(s)
      .agents.list({}, { signal: ac.signal })
      .catch((e) => e);
    expect(err).not.toBeInstanceOf(Comm100TimeoutError);
    expect(err.message).toBe("user gave up");
    const ac2 = new AbortController();
    setTimeout(() => ac2.abort(), 100);
    const err2 = await clientFor(s)
      .GET("/livechat/operators", { signal: ac2.signal })
      .catch((e) => e);
    expect(err2.name).toBe("AbortError");
  });

  it("a fast answer is not affected by the timeout", async () => {
    const s = await startServer((_r, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("[");
      setTimeout(() => res.end("]"), 50);
    });
    expect(await clientFor(s, { timeoutMs: 5000 }).agents.list()).toEqual([]);
  });
});
