import { describe, expect, it } from "vitest";
import { Comm100ConfigError } from "../../src/index.js";
import { Limiter } from "../../src/quota/index.js";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("Limiter", () => {
  it("never runs more than maxConcurrency at once, and starts the waiters in FIFO order", async () => {
    const lim = new Limiter({ maxConcurrency: 3 });
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const release = await lim.acquire();
        order.push(i);
        peak = Math.max(peak, ++running);
        await tick();
        running--;
        release();
        release(); // twice: no effect
      }),
    );
    expect(peak).toBe(3);
    expect(order).toEqual([...Array(20).keys()]);
    expect(lim.active).toBe(0);
  });

  it("an aborted waiter leaves the queue with the signal's reason and frees its turn", async () => {
    const lim = new Limiter({ maxConcurrency: 1 });
    const first = await lim.acquire();
    const ctl = new AbortController();
    const aborted = lim.acquire(ctl.signal);
    const third = lim.acquire();
    expect(lim.queued).toBe(2);
    ctl.abort(new Error("stop"));
    await expect(aborted).rejects.toThrow("stop");
    expect(lim.queued).toBe(1);
    first();
    const release = await third;
    expect(lim.active).toBe(1);
    release();
    // already aborted: rejects without queueing
    await expect(lim.acquire(ctl.signal)).rejects.toThrow("stop");
    expect(lim.queued).toBe(0);
  });

  it("starts at most requestsPerSecond in any window of one second", async () => {
    const lim = new Limiter({ requestsPerSecond: 4 });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const release = await lim.acquire();
        starts.push(performance.now());
        release();
      }),
    );
    expect(starts).toHaveLength(10);
    for (let i = 4; i < starts.length; i++) expect(starts[i]! - starts[i - 4]!).toBeGreaterThanOrEqual(999);
  });

  it("a fractional rate: 2.5/s is at most 2 in any 800 ms", async () => {
    const lim = new Limiter({ requestsPerSecond: 2.5 });
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      (await lim.acquire())();
      starts.push(performance.now());
    }
    for (let i = 2; i < starts.length; i++) expect(starts[i]! - starts[i - 2]!).toBeGreaterThanOrEqual(799);
  });

  it("rejects bad options with a Comm100ConfigError", () => {
    expect(() => new Limiter({ maxConcurrency: 0 })).toThrow(Comm100ConfigError);
    expect(() => new Limiter({ maxConcurrency: 1.5 })).toThrow(Comm100ConfigError);
    expect(() => new Limiter({ requestsPerSecond: 0 })).toThrow(Comm100ConfigError);
    expect(() => new Limiter({ requestsPerSecond: Number.NaN })).toThrow(Comm100ConfigError);
  });
});
