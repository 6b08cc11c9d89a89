// What a call does once the daily budget is used up: fail at once, or wait for the reset.
import { Comm100ConfigError } from "@comm100-sdk/client";
import type { QuotaMeter, MeterVerdict } from "./meter.js";

export interface BudgetOptions {
  /** `"throw"` (default): fail at once with `Comm100QuotaExceededError`, sending nothing. `"wait"`: wait for the reset, then send. */
  onExhausted?: "throw" | "wait";
  /** With `"wait"`: the longest wait in ms (default 24 h); when the reset is further away the call fails at once. */
  maxWaitMs?: number;
}

/** Sent this long after the reset by our clock, for a server clock a little behind. */
const AFTER_RESET_MS = 1000;

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.min(ms, 2 ** 31 - 1),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export class Budget {
  readonly meter: QuotaMeter;
  readonly #wait: boolean;
  readonly #maxWaitMs: number;

  constructor(meter: QuotaMeter, o: BudgetOptions = {}) {
    const { onExhausted = "throw", maxWaitMs = 86_400_000 } = o;
    if (onExhausted !== "throw" && onExhausted !== "wait") throw new Comm100ConfigError('`quota.onExhausted` must be "throw" or "wait"');
    if (!(maxWaitMs >= 0)) throw new Comm100ConfigError("`quota.maxWaitMs` must be a non-negative number");
    this.meter = meter;
    this.#wait = onExhausted === "wait";
    this.#maxWaitMs = maxWaitMs;
  }

  /** Counts one request; refused means it must not be sent. */
  take(account: string): Promise<MeterVerdict> {
    return this.meter.reserve(account);
  }

  /**
   * After a refusal: with `"wait"`, waits for the reset when it is within `maxWaitMs` of the first
   * refusal (`since`) and resolves `true` (try again); otherwise resolves `false` (fail now).
   */
  async waitForReset(resetsAt: number, since: number, signal: AbortSignal | null): Promise<boolean> {
    const now = this.meter.now();
    if (!this.#wait || resetsAt - since > this.#maxWaitMs) return false;
    await sleep(Math.max(0, resetsAt - now) + AFTER_RESET_MS, signal);
    return true;
  }
}
