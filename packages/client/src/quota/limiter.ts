// Concurrency and rate limits for the requests of every client given one limiter: a single FIFO
// queue, so a request waits its turn (no starvation) and leaves the queue when its signal aborts.
import { Comm100ConfigError } from "@comm100-sdk/client";

export interface LimiterOptions {
  /** At most this many requests in flight at once. */
  maxConcurrency?: number;
  /**
   * At most this many requests started per second, over any window (not a burst-then-refill bucket):
   * `5` is at most 5 in any 1000 ms; `0.5` is at most 1 in any 2000 ms.
   */
  requestsPerSecond?: number;
}

/** Call it when the request is over (answer read, or failed); calling it again does nothing. */
export type Release = () => void;

interface Waiter {
  resolve(release: Release): void;
  reject(reason: unknown): void;
  signal: AbortSignal | null;
  onAbort?: () => void;
}

export class Limiter {
  readonly #max: number;
  /** At most `#perWindow` starts in any `#windowMs`. */
  readonly #perWindow: number;
  readonly #windowMs: number;
  /** Start times (performance.now) of the last `#perWindow` requests, oldest first (from `#head`). */
  readonly #starts: number[] = [];
  /** Index of the oldest start still in `#starts`. */
  #head = 0;
  readonly #queue: Waiter[] = [];
  #active = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(o: LimiterOptions = {}) {
    const { maxConcurrency = Infinity, requestsPerSecond = Infinity } = o;
    if (!(maxConcurrency === Infinity || (Number.isInteger(maxConcurrency) && maxConcurrency > 0)))
      throw new Comm100ConfigError("`maxConcurrency` must be a positive integer");
    if (!(requestsPerSecond > 0)) throw new Comm100ConfigError("`requestsPerSecond` must be a positive number");
    this.#max = maxConcurrency;
    this.#perWindow = requestsPerSecond === Infinity ? Infinity : Math.max(1, Math.floor(requestsPerSecond));
    this.#windowMs = (this.#perWindow / requestsPerSecond) * 1000;
  }

  /** Requests waiting for their turn. */
  get queued(): number {
    return this.#queue.length;
  }
  /** Requests in flight. */
  get active(): number {
    return this.#active;
  }

  /** Resolves when a request may start; rejects with the signal's reason if it aborts first. */
  acquire(signal: AbortSignal | null = null): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const w: Waiter = { resolve, reject, signal };
      if (signal) {
        w.onAbort = () => {
          const i = this.#queue.indexOf(w);
          if (i >= 0) this.#queue.splice(i, 1);
          reject(signal.reason);
          this.#pump(); // the head may have been waiting behind this one's rate slot
        };
        signal.addEventListener("abort", w.onAbort, { once: true });
      }
      this.#queue.push(w);
      this.#pump();
    });
  }

  #pump() {
    while (this.#queue.length && this.#active < this.#max) {
      if (this.#perWindow !== Infinity && this.#starts.length - this.#head >= this.#perWindow) {
        const wait = this.#starts[this.#head]! + this.#windowMs - performance.now();
        if (wait > 0) {
          if (!this.#timer)
            this.#timer = setTimeout(() => {
              this.#timer = undefined;
              this.#pump();
            }, Math.ceil(wait));
          return;
        }
        // drop the oldest start; compact now and then rather than shift() every time (O(n) on large windows)
        if (++this.#head > 1024 && this.#head * 2 > this.#starts.length) {
          this.#starts.splice(0, this.#head);
          this.#head = 0;
        }
      }
      const w = this.#queue.shift()!;
      if (w.onAbort) w.signal!.removeEventListener("abort", w.onAbort);
      this.#active++;
      if (this.#perWindow !== Infinity) this.#starts.push(performance.now());
      let done = false;
      w.resolve(() => {
        if (done) return;
        done = true;
        this.#active--;
        this.#pump();
      });
    }
  }
}
