// The daily request quota: requests counted per account and UTC day of the mock clock; past the
// limit the documented 403 quota error until 00:00 UTC.
import { utcDay, type MockClock } from "./clock.js";

export interface QuotaState {
  /** The daily limit; `undefined` when the quota is off. */
  limit: number | undefined;
  /** Requests counted today, per account email (lower case). */
  used: Record<string, number>;
  /** When today's counts reset (00:00 UTC of the next day of the mock clock). */
  resetsAt: string;
}

export interface QuotaMeter {
  readonly limit: number | undefined;
  /** Requests counted today for `email`, or for all accounts together. */
  used(email?: string): number;
  /** When the counts reset. */
  resetsAt(): Date;
  /** Counts one request; false when it is past the limit (answer 403, not counted). */
  admit(email: string): boolean;
  reset(): void;
  state(): QuotaState;
}

export function createQuotaMeter(limit: number | undefined, clock: MockClock): QuotaMeter {
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0))
    throw new TypeError(`quota must be a non-negative integer, got ${limit}`);
  let day = 0;
  let counts = new Map<string, number>();
  const today = () => {
    const start = utcDay(clock.now()).start.getTime();
    if (start !== day) {
      day = start;
      counts = new Map();
    }
    return counts;
  };
  return {
    limit,
    used(email) {
      const c = today();
      if (email !== undefined) return c.get(email.toLowerCase()) ?? 0;
      let sum = 0;
      for (const n of c.values()) sum += n;
      return sum;
    },
    resetsAt: () => utcDay(clock.now()).next,
    admit(email) {
      const c = today();
      const key = email.toLowerCase();
      const n = c.get(key) ?? 0;
      if (limit !== undefined && n >= limit) return false;
      c.set(key, n + 1);
      return true;
    },
    reset() {
      counts = new Map();
    },
    state() {
      return { limit, used: Object.fromEntries(today()), resetsAt: utcDay(clock.now()).next.toISOString() };
    },
  };
}
