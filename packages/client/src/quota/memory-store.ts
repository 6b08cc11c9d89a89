import type { QuotaCount, QuotaDay, QuotaReservation, QuotaStore } from "./store.js";

const DAY_MS = 86_400_000;

/**
 * The default store: counts in this process's memory (shared by every meter given this store).
 * JavaScript runs one call at a time, so each method is atomic without locks.
 */
export function createMemoryQuotaStore(): QuotaStore {
  const days = new Map<string, QuotaCount & { resetsAt: number }>();
  const get = (day: QuotaDay) => {
    let d = days.get(day.key);
    if (!d) {
      // a new day: forget the days that ended before it began (by the caller's clock)
      for (const [k, v] of days) if (v.resetsAt <= day.resetsAt - DAY_MS) days.delete(k);
      days.set(day.key, (d = { used: 0, exhausted: false, resetsAt: day.resetsAt }));
    }
    return d;
  };
  return {
    async reserve(day, n, limit): Promise<QuotaReservation> {
      const d = get(day);
      const ok = !d.exhausted && d.used + n <= limit;
      if (ok) d.used += n;
      return { ok, used: d.used, exhausted: d.exhausted };
    },
    async markExhausted(day) {
      get(day).exhausted = true;
    },
    async read(day) {
      const d = days.get(day.key);
      return { used: d?.used ?? 0, exhausted: d?.exhausted ?? false };
    },
  };
}
