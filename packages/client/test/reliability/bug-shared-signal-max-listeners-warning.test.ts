// Regression: about 750 concurrent calls sharing one AbortSignal triggered Node's
// MaxListenersExceededWarning (each call's Request and each attempt added a listener to it). The
// caller's signal now reaches only the transport, which follows it with one listener per signal.
import { afterEach, describe, expect, it } from "vitest";
import { clientFor, json, startServer } from "../helpers.js";

const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);
afterEach(() => {
  process.off("warning", onWarning);
});

describe("bug: a shared signal trips MaxListenersExceededWarning", () => {
  it("1,000 concurrent calls on one signal: no warning, all answered; abort still reaches them", { timeout: 60_000 }, async () => {
    process.on("warning", onWarning);
    const s = await startServer((_r, res) => json(res, 200, []));
    const c = clientFor(s, { retry: false });
    const ac = new AbortController();
    const results = await Promise.all(Array.from({ length: 1000 }, () => c.agents.list({}, { signal: ac.signal })));
    expect(results).toHaveLength(1000);
    const hang = await startServer(() => {}); // never answers
    const h = clientFor(hang, { retry: false });
    const pending = Array.from({ length: 800 }, () => h.agents.list({}, { signal: ac.signal }).catch((e: unknown) => e));
    await expect.poll(() => hang.requests.length, { timeout: 30_000 }).toBe(800);
    ac.abort();
    const errors = await Promise.all(pending);
    expect(errors.every((e) => (e as Error).name === "AbortError")).toBe(true);
    await new Promise((r) => setTimeout(r, 50)); // warnings are emitted on the next tick
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });

  it("a middleware that makes a new Request keeps the caller's signal (options and use())", async () => {
    const hang = await startServer(() => {}); // never answers
    const remake = { onRequest: ({ request }: { request: Request }) => new Request(request) };
    const viaUse = clientFor(hang, { retry: false });
    viaUse.use(remake);
    for (const c of [clientFor(hang, { retry: false, middleware: [remake] }), viaUse]) {
      const ac = new AbortController();
      const before = hang.requests.length;
      const p = c.agents.list({}, { signal: ac.signal }).catch((e: unknown) => e);
      await expect.poll(() => hang.requests.length, { timeout: 10_000 }).toBe(before + 1);
      ac.abort(new Error("mine"));
      expect(((await p) as Error).message).toBe("mine");
    }
  });
});
