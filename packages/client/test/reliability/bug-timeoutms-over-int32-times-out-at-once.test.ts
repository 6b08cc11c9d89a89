// Regression: timers take at most 2^31-1 ms; a larger timeoutMs (Infinity, 1e12: "no timeout")
// passed validation, and Node replaced it by 1 ms, so every call failed at once with a
// Comm100TimeoutError (and a TimeoutOverflowWarning). Now it is capped at the largest timer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createComm100Client } from "../../src/index.js";
import { startFaultServer, type FaultServer } from "./fault-server.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer(() => ({ kind: "hang" }));
});
afterAll(() => server.close());

describe("bug: a timeoutMs above 2^31-1 times out at once", () => {
  for (const timeoutMs of [Infinity, 1e12, 2 ** 31]) {
    it(`timeoutMs ${timeoutMs}: a slow answer still arrives (client option and per call)`, async () => {
      const c = createComm100Client({ baseUrl: server.base, email: "a@b.c", apiKey: "k-123456", retry: false, timeoutMs });
      const ac = new AbortController();
      const p = c.agents.list({}, { signal: ac.signal });
      const q = createComm100Client({ baseUrl: server.base, email: "a@b.c", apiKey: "k-123456", retry: false }).agents.list(
        {},
        { timeoutMs, signal: ac.signal },
      );
      // neither has failed after 200 ms; then the caller gives up
      const early = await Promise.race([
        p.then(
          () => "resolved",
          (e: Error) => e.name,
        ),
        q.then(
          () => "resolved",
          (e: Error) => e.name,
        ),
        new Promise((r) => setTimeout(() => r("pending"), 200)),
      ]);
      ac.abort();
      expect(early).toBe("pending");
      await expect(p).rejects.toMatchObject({ name: "AbortError" });
      await expect(q).rejects.toMatchObject({ name: "AbortError" });
    });
  }
});
