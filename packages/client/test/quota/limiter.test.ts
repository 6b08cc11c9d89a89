import { describe, expect, it, vi } from "vitest";
import { Comm100ConfigError } from "../../src/index.js";
import { Limiter } from "../../src/quota/index.js";

const tick = () => new Promise((r) => setTimeout(r, 5));

/** Runs `work` with setTimeout and performance.now on vitest's fake clock, advanced until it ends. */
async function onFakeClock<T>(work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
  try {
    let done = false;
    const result = work().finally(() => {
      done = true;
    });
    for (let i = 0; i < 1000 && !done; i++) await vi.advanceTimersByTimeAsync(50);
    return await result;
  } finally {
    vi.useRealTimers();
  }
}

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

  // The rate tests run on vitest's fake clock (setTimeout and performance.now, which the limiter
  // reads): on the real clock a busy machine delays when a test sees its turn, not when the
  // limiter grants it, and a window measured after the fact came out short (707 ms of 800).
  it("starts at most requestsPerSecond in any window of one second", async () => {
    const starts = await onFakeClock(async () => {
      const lim = new Limiter({ requestsPerSecond: 4 });
      const seen: number[] = [];
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const release = await lim.acquire();
          seen.push(performance.now());
          release();
        }),
      );
      return seen;
    });
    expect(starts).toHaveLength(10);
    for (let i = 4; i < starts.length; i++) expect(starts[i]! - starts[i - 4]!).toBeGreaterThanOrEqual(1000);
    // and no slower than the rate: the tenth of 4 a second starts two seconds after the first
    expect(starts[9]! - starts[0]!).toBeLessThanOrEqual(2000);
  });

  it("a fractional rate: 2.5/s is at most 2 in any 800 ms", async () => {
    const starts = await onFakeClock(async () => {
      const lim = new Limiter({ requestsPerSecond: 2.5 });
      const seen: number[] = [];
      for (let i = 0; i < 5; i++) {
        (await lim.acquire())();
        seen.push(performance.now());
      }
      return seen;
    });
    for (let i = 2; i < starts.length; i++) expect(starts[i]! - starts[i - 2]!).toBeGreaterThanOrEqual(800);
    expect(starts[4]! - starts[0]!).toBeLessThanOrEqual(1600);
  });

  it("rejects bad options with a Comm100ConfigError", () => {
    expect(() => new Limiter({ maxConcurrency: 0 })).toThrow(Comm100ConfigError);
    expect(() => new Limiter({ maxConcurrency: 1.5 })).toThrow(Comm100ConfigError);
    expect(() => new Limiter({ requestsPerSecond: 0 })).toThrow(Comm100ConfigError);
    expect(() => new Limiter({ requestsPerSecond: Number.NaN })).toThrow(Comm100ConfigError);
  });
});
