// A QuotaStore in Redis: every client, process and machine pointed at one Redis shares the count.
import type { QuotaCount, QuotaDay, QuotaReservation, QuotaStore } from "@comm100-sdk/client/quota";
import { Redis, type RedisOptions } from "ioredis";
import { Comm100QuotaStoreError } from "./errors.js";
import { RESERVE } from "./scripts.js";

export interface RedisQuotaStoreOptions {
  /** A Redis URL (`redis://[:password@]host:port/db`, `rediss://` for TLS). The store makes and owns the connection. */
  url?: string;
  /** Or your own ioredis client (then `close()` leaves it open). */
  redis?: Redis;
  /** Prefix of the keys (default `"comm100:quota:"`). */
  keyPrefix?: string;
  /** A key is kept this long after its UTC reset, for clocks that lag a little (default 60000 ms). */
  expiryGraceMs?: number;
  /** Fail a Redis command after this long, with the connection this store makes (default 2000 ms). */
  commandTimeoutMs?: number;
  /**
   * `"local"`: when Redis fails, count in this process's memory from the last count it saw, and add
   * those requests to Redis once it answers again. Default: fail the call with `Comm100QuotaStoreError`.
   */
  fallback?: "local";
  /** Told each time a call was counted locally because Redis failed (the error is redacted). */
  onFallback?: (error: Comm100QuotaStoreError) => void;
}

export interface RedisQuotaStore extends QuotaStore {
  /** The ioredis client. */
  readonly redis: Redis;
  /** Closes the connection if the store made it. */
  close(): Promise<void>;
}

/** What this process knows of one day's key. */
interface KeyState {
  resetsAt: number;
  /** The incarnation and count of the key at the last answer ("" before any). */
  epoch: string;
  seen: number;
  /** Counted locally while Redis was away, not yet added to Redis. */
  pending: number;
  exhausted: boolean;
  /** Marked used up while Redis was away, not yet written. */
  markPending: boolean;
}

type Reply = [number, number, number, string];
type ScriptClient = Redis & { comm100QuotaReserve(key: string, ...args: (string | number)[]): Promise<Reply> };

const randomId = () => Math.random().toString(36).slice(2, 12);

export function createRedisQuotaStore(o: RedisQuotaStoreOptions): RedisQuotaStore {
  if (!o || (o.url === undefined) === (o.redis === undefined))
    throw new Comm100QuotaStoreError("createRedisQuotaStore: pass either `url` or `redis`");
  const owned = !o.redis;
  const secrets: string[] = [];
  let redis: Redis;
  if (o.redis) redis = o.redis;
  else {
    let u: URL;
    try {
      u = new URL(o.url!);
    } catch {
      throw new Comm100QuotaStoreError("createRedisQuotaStore: `url` is not a valid Redis URL");
    }
    const options: RedisOptions = {
      // fail fast instead of queueing for ever while Redis is away: one retry, then a typed error
      maxRetriesPerRequest: 1,
      commandTimeout: o.commandTimeoutMs ?? 2000,
      retryStrategy: (times) => Math.min(times * 100, 1000),
    };
    redis = new Redis(o.url!, options);
    if (u.password) secrets.push(decodeURIComponent(u.password), u.password);
    // without a listener ioredis prints every connection error; failures reach callers as typed errors
    redis.on("error", () => {});
  }
  const pw = redis.options?.password;
  if (pw) secrets.push(pw);
  const prefix = o.keyPrefix ?? "comm100:quota:";
  const grace = o.expiryGraceMs ?? 60_000;
  if (!(redis as any).comm100QuotaReserveDefined) {
    // EVALSHA with a fallback to EVAL: a Redis restarted meanwhile has forgotten the script
    redis.defineCommand("comm100QuotaReserve", { numberOfKeys: 1, lua: RESERVE });
    (redis as any).comm100QuotaReserveDefined = true;
  }
  const client = redis as ScriptClient;
  const states = new Map<string, KeyState>();

  const state = (day: QuotaDay): KeyState => {
    let s = states.get(day.key);
    if (!s) {
      for (const [k, v] of states) if (v.resetsAt < day.resetsAt) states.delete(k); // earlier days
      states.set(day.key, (s = { resetsAt: day.resetsAt, epoch: "", seen: 0, pending: 0, exhausted: false, markPending: false }));
    }
    return s;
  };

  const typed = (e: unknown): Comm100QuotaStoreError => {
    const err = e as { code?: unknown; message?: unknown; name?: unknown };
    const code = typeof err?.code === "string" ? err.code : undefined;
    let why = typeof err?.message === "string" ? err.message : String(e);
    for (const s of secrets) if (s) why = why.split(s).join("[REDACTED]");
    why = why.replace(/(rediss?:\/\/[^:/@\s]*:)[^@\s]*@/g, "$1[REDACTED]@");
    return new Comm100QuotaStoreError(`Redis quota store failed: ${why}`, code);
  };

  /** One script call; `n` 0 reads (and writes what is pending) without counting. */
  async function call(day: QuotaDay, n: number, limit: number, mark: boolean): Promise<QuotaReservation> {
    const s = state(day);
    const carry = s.pending;
    const markNow = mark || s.markPending;
    s.pending = 0;
    let reply: Reply;
    try {
      reply = await client.comm100QuotaReserve(
        prefix + day.key,
        n,
        limit,
        Math.max(1, Math.ceil(day.ttlMs + grace)),
        s.epoch,
        s.seen,
        randomId(),
        carry,
        markNow ? "1" : "0",
      );
    } catch (e) {
      s.pending += carry; // not written: keep it for the next answer
      const err = typed(e);
      if (o.fallback !== "local") throw err;
      if (markNow) s.markPending = true;
      s.exhausted ||= markNow;
      try {
        o.onFallback?.(err);
      } catch {
        // a callback must never break a request
      }
      const used = s.seen + s.pending;
      const ok = !s.exhausted && used + n <= limit;
      if (ok) s.pending += n;
      return { ok, used: s.seen + s.pending, exhausted: s.exhausted };
    }
    const [ok, used, exhausted, epoch] = reply;
    s.epoch = String(epoch);
    s.seen = Number(used);
    s.exhausted = exhausted === 1;
    if (markNow) s.markPending = false;
    return { ok: ok === 1, used: s.seen + s.pending, exhausted: s.exhausted };
  }

  return {
    redis,
    reserve: (day, n, limit) => call(day, n, limit, false),
    async markExhausted(day) {
      await call(day, 0, 0, true);
    },
    async read(day): Promise<QuotaCount> {
      try {
        const [b, i, x] = await redis.hmget(prefix + day.key, "b", "i", "x");
        return { used: Number(b ?? 0) + Number(i ?? 0) + (states.get(day.key)?.pending ?? 0), exhausted: x !== null };
      } catch (e) {
        throw typed(e);
      }
    },
    async close() {
      if (owned) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
