// The mock's clock: real time plus an offset, so a test can jump to 23:59:59 UTC and watch the
// quota reset at midnight without waiting. It keeps ticking after a jump.

/** A point in time as the options and the admin surface take it: a Date, an ISO string or epoch ms. */
export type TimeInput = Date | string | number;

export interface MockClock {
  /** The mock's current time. */
  now(): Date;
  /** Jumps to `time`; the clock keeps running from there. */
  set(time: TimeInput): Date;
  /** Moves the clock by `ms` (negative goes back). */
  advance(ms: number): Date;
}

/** Reads a time input; throws a message naming `what` when it is not a valid time. */
export function parseTime(time: TimeInput, what = "time"): number {
  const ms = time instanceof Date ? time.getTime() : typeof time === "number" ? time : Date.parse(time);
  if (!Number.isFinite(ms))
    throw new TypeError(`${what} must be an ISO 8601 date-time or epoch milliseconds, got ${JSON.stringify(String(time))}`);
  return ms;
}

export function createClock(start?: TimeInput, realNow: () => number = Date.now): MockClock {
  let offset = start === undefined ? 0 : parseTime(start, "now") - realNow();
  const now = () => new Date(realNow() + offset);
  return {
    now,
    set(time) {
      offset = parseTime(time) - realNow();
      return now();
    },
    advance(ms) {
      if (!Number.isFinite(ms)) throw new TypeError(`advance() takes a finite number of milliseconds, got ${ms}`);
      offset += ms;
      return now();
    },
  };
}

/** Start of the UTC day that contains `t`, and of the next one (when the quota resets). */
export function utcDay(t: Date): { start: Date; next: Date } {
  const start = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  return { start: new Date(start), next: new Date(start + 86_400_000) };
}
