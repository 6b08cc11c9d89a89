// Puts the limiter (concurrency, rate) and the budget (daily quota) together into the hook the
// client's transport calls before every attempt (retries included), for both client styles.
import { Comm100QuotaExceededError } from "@comm100-sdk/client";
import { isQuotaExceeded } from "../internal/quota-answer.js";
import { Budget, type BudgetOptions } from "./budget.js";
import { Limiter, type LimiterOptions } from "./limiter.js";
import { type MeterVerdict, QuotaMeter, type QuotaMeterOptions, type QuotaSnapshot } from "./meter.js";

/** Called when an attempt is over; `quotaExceeded`: the server answered the daily-quota 403. */
export type AttemptDone = (quotaExceeded: boolean) => void;

/** What the client's `limits` option takes: `createLimits(...)` makes one. */
export interface Comm100Limits {
  /**
   * Before each attempt. Resolves when it may be sent, with the function to call when it is over;
   * or with the reset time when the daily budget is used up (then it must not be sent). Rejects
   * with the signal's reason when the signal aborts while waiting.
   */
  acquire(account: string, signal: AbortSignal | null): Promise<AttemptDone | Date>;
  /** `client.quota`: the counts as last seen, or `undefined` without a daily budget. */
  quota(account: string): QuotaSnapshot | undefined;
  /** The same limits as a per-attempt hook (`beforeAttempt`/`afterAttempt`) for `account`. */
  attemptHook(account: string): LimitsAttemptHook;
}

export interface QuotaOptions extends QuotaMeterOptions, BudgetOptions {}

export interface LimitsOptions extends LimiterOptions {
  /** The daily budget. Without it nothing is counted (only the concurrency and rate limits apply). */
  quota?: QuotaOptions;
}

/** A per-attempt hook (the transport's `beforeAttempt`/`afterAttempt` shape), for one account. */
export interface LimitsAttemptHook {
  /** Waits for the turn and counts the attempt; throws `Comm100QuotaExceededError` (nothing sent) past the budget. */
  beforeAttempt(ctx: { readonly method: string; readonly url: string; readonly signal?: AbortSignal | null }): Promise<void>;
  /** Frees the turn; a quota 403 marks the day used up. Never throws. */
  afterAttempt(ctx: object, outcome: { readonly response?: Response; readonly text?: string; readonly error?: unknown }): void;
}

/** The error for a call the budget refused: not sent, so no `body`. */
export function budgetExceeded(method: string, url: string, resetsAt: Date): Comm100QuotaExceededError {
  const err = new Comm100QuotaExceededError({
    status: 403,
    message: `${method} ${url} was not sent: the daily request budget is used up until ${resetsAt.toISOString()}`,
    method,
    url,
    body: undefined,
  });
  Object.defineProperty(err, "quotaResetsAt", { value: resetsAt, enumerable: true });
  return err;
}

export interface Limits extends Comm100Limits {
  readonly limiter: Limiter;
  readonly meter: QuotaMeter | undefined;
  /** The counts as the store has them now (fresh, unlike `client.quota`), or `undefined` without a daily budget. */
  readQuota(account: string): Promise<QuotaSnapshot | undefined>;
}

/**
 * Concurrency and rate limits and a daily budget for every client given the result (share it to
 * share the limits; share `quota.store` to share only the budget, across processes too).
 */
export function createLimits(o: LimitsOptions = {}): Limits {
  const limiter = new Limiter(o);
  const meter = o.quota && new QuotaMeter(o.quota);
  const budget = meter && new Budget(meter, o.quota);
  const limits: Limits = {
    limiter,
    meter,
    async acquire(account, signal) {
      let since: number | undefined;
      for (;;) {
        const release = await limiter.acquire(signal);
        if (!budget) return release;
        let v: MeterVerdict;
        try {
          v = await budget.take(account);
        } catch (e) {
          release(); // the store failed: nothing is sent
          throw e;
        }
        if (v.ok) {
          const day = v.day;
          return (quotaExceeded) => {
            release();
            // the 403 marks the day the request was counted on, even if the answer came after midnight
            if (quotaExceeded) meter!.markExhausted(account, day).catch(() => {});
          };
        }
        release();
        since ??= meter!.now();
        if (!(await budget.waitForReset(v.resetsAt, since, signal))) return new Date(v.resetsAt);
      }
    },
    attemptHook(account) {
      const pending = new WeakMap<object, AttemptDone>();
      return {
        beforeAttempt: async (ctx) => {
          const done = await limits.acquire(account, ctx.signal ?? null);
          if (done instanceof Date) throw budgetExceeded(ctx.method, ctx.url, done);
          pending.set(ctx, done);
        },
        afterAttempt(ctx, outcome) {
          const done = pending.get(ctx);
          pending.delete(ctx);
          let quota = false;
          if (outcome.response?.status === 403)
            try {
              quota = isQuotaExceeded(403, JSON.parse(outcome.text ?? ""));
            } catch {
              // not JSON: not the quota answer
            }
          done?.(quota);
        },
      };
    },
    quota: (account) => meter?.snapshot(account),
    readQuota: async (account) => meter?.read(account),
  };
  return limits;
}
