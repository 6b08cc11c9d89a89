// The contract between the quota meter and where its counts live (memory, Redis, ...).
// Every method is async and each call must be atomic: several clients, processes or machines
// may call one store at once, and together they must never count past the limit.

/** One account's counter for one UTC day. */
export interface QuotaDay {
  /** Names the account and the day, e.g. `"https://hosted.comm100.com/api/v1 agent@example.com 2026-12-01"`. */
  key: string;
  /** The next 00:00 UTC (epoch ms) by the meter's clock. */
  resetsAt: number;
  /** Milliseconds until then by the meter's clock: the store may forget the counter afterwards. */
  ttlMs: number;
}

/** What a store knows of one day. */
export interface QuotaCount {
  /** Requests counted today. */
  used: number;
  /** The server answered the quota 403: the day is used up whatever the count says. */
  exhausted: boolean;
}

/** The answer to a reservation. */
export interface QuotaReservation extends QuotaCount {
  /** `true`: the requests were counted and may be sent; `false`: nothing was counted. */
  ok: boolean;
}

export interface QuotaStore {
  /** Atomically: unless the day is marked used up or `used + n > limit`, adds `n` to the day's count. */
  reserve(day: QuotaDay, n: number, limit: number): Promise<QuotaReservation>;
  /** Marks the day used up (the server answered the quota 403), for every client of this store. */
  markExhausted(day: QuotaDay): Promise<void>;
  /** The day's count, unchanged. */
  read(day: QuotaDay): Promise<QuotaCount>;
}
