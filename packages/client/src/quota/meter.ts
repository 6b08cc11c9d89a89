// Counts the requests sent per account and UTC day, in a store shared by every client that should
// stay inside one budget. The API publishes no remaining-count header: the meter knows only what
// the clients sharing its store sent (plus the day being marked used up when the server says so).
import { Comm100ConfigError } from "@comm100-sdk/client";
import { createMemoryQuotaStore } from "./memory-store.js";
import type { QuotaDay, QuotaStore } from "./store.js";

export interface QuotaMeterOptions {
  /** The account's daily request limit (your Comm100 plan's). */
  dailyLimit: number;
  /**
   * The fraction of `dailyLimit` at which this client stops (default 1), counted against everything
   * the store saw for the account today: a batch job with `share: 0.8` leaves the last 20% to others.
   */
  share?: number;
  /** Where the counts live (default: this process's memory). Share one store to share the budget. */
  store?: QuotaStore;
  /**
   * Counts under this name instead of the client's base URL and email. The server counts per Comm100
   * account, not per agent: give every client of one account (whatever its agent) the same name.
   */
  account?: string;
  /** The clock, in epoch ms (default `Date.now`); days are UTC days by this clock. */
  now?: () => number;
}

/** What `client.quota` shows: the counts as this client last learned them. */
export interface QuotaSnapshot {
  /** Requests counted today (every attempt, retries included) by the clients sharing the store. */
  used: number;
  /** Where this client stops: `floor(dailyLimit * share)`. */
  limit: number;
  /** The next 00:00 UTC, when the count starts again from 0. */
  resetsAt: Date;
  /** The server answered the quota 403 today: nothing more is sent until `resetsAt`. */
  exhausted: boolean;
}

/** The outcome of one reservation: counted (send it), or refused until `resetsAt`. */
export type MeterVerdict = { ok: true; day: QuotaDay } | { ok: false; resetsAt: number };

const DAY_MS = 86_400_000;

export class QuotaMeter {
  readonly limit: number;
  readonly store: QuotaStore;
  readonly now: () => number;
  readonly #account: string | undefined;
  /** Per account: the last count seen, and whether the day is known to be over. */
  readonly #seen = new Map<string, { key: string; used: number; exhausted: boolean; full: boolean }>();

  constructor(o: QuotaMeterOptions) {
    const { dailyLimit, share = 1 } = o;
    if (!(Number.isInteger(dailyLimit) && dailyLimit > 0)) throw new Comm100ConfigError("`quota.dailyLimit` must be a positive integer");
    if (!(share > 0 && share <= 1)) throw new Comm100ConfigError("`quota.share` must be a number in (0, 1]");
    this.limit = Math.floor(dailyLimit * share);
    this.store = o.store ?? createMemoryQuotaStore();
    this.now = o.now ?? Date.now;
    this.#account = o.account;
  }

  /** Today's counter for `account` (the client's base URL and email, unless the meter has its own name). */
  day(account: string): QuotaDay {
    const now = this.now();
    const resetsAt = (Math.floor(now / DAY_MS) + 1) * DAY_MS; // UTC days are whole multiples of 24 h since the epoch
    const date = new Date(resetsAt - DAY_MS).toISOString().slice(0, 10);
    return { key: `${this.#account ?? account} ${date}`, resetsAt, ttlMs: resetsAt - now };
  }

  #note(day: QuotaDay, account: string, used: number, exhausted: boolean, full: boolean) {
    const s = this.#seen.get(account);
    if (s && s.key === day.key) {
      s.used = Math.max(s.used, used);
      s.exhausted ||= exhausted;
      s.full ||= full;
    } else this.#seen.set(account, { key: day.key, used, exhausted, full });
  }

  /** Counts one request, unless the day's budget is used up (then nothing is counted). */
  async reserve(account: string): Promise<MeterVerdict> {
    const day = this.day(account);
    const s = this.#seen.get(account);
    // known to be over today: answer without asking the store (counts only grow within a day)
    if (s && s.key === day.key && (s.exhausted || s.full)) return { ok: false, resetsAt: day.resetsAt };
    const r = await this.store.reserve(day, 1, this.limit);
    this.#note(day, account, r.used, r.exhausted, !r.ok);
    return r.ok ? { ok: true, day } : { ok: false, resetsAt: day.resetsAt };
  }

  /** The server answered the quota 403 for a request counted on `day`: the day is used up, for every client of the store. */
  async markExhausted(account: string, day: QuotaDay): Promise<void> {
    this.#note(day, account, 0, true, true);
    await this.store.markExhausted(day);
  }

  /** The counts as this meter last saw them (no store call). */
  snapshot(account: string): QuotaSnapshot {
    const day = this.day(account);
    const s = this.#seen.get(account);
    const today = s?.key === day.key ? s : undefined;
    return { used: today?.used ?? 0, limit: this.limit, resetsAt: new Date(day.resetsAt), exhausted: today?.exhausted ?? false };
  }

  /** The counts as the store has them now (for clients sharing it). */
  async read(account: string): Promise<QuotaSnapshot> {
    const day = this.day(account);
    const c = await this.store.read(day);
    this.#note(day, account, c.used, c.exhausted, c.exhausted || c.used >= this.limit);
    return { ...c, limit: this.limit, resetsAt: new Date(day.resetsAt) };
  }
}
