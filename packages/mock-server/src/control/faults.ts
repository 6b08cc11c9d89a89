// Injected faults for the next N API requests: added latency, and a 5xx answer at a given rate.
import type { Random } from "./random.js";

export interface FaultOptions {
  /** How many of the next API requests the fault applies to; default 1. */
  count?: number;
  /** Delay added before answering, in ms (at most 60,000). */
  latencyMs?: number;
  /** Share of those requests answered with `status`, 0..1; default 1 when `status` is given, else 0. */
  errorRate?: number;
  /** The 5xx status to answer with; default 500. */
  status?: number;
}

export interface FaultState {
  remaining: number;
  latencyMs: number;
  errorRate: number;
  status: number;
}

/** What happens to one request. */
export interface FaultDecision {
  latencyMs: number;
  /** Answer with this status instead of the real answer. */
  status?: number;
}

export interface FaultInjector {
  inject(options: FaultOptions): FaultState;
  clear(): void;
  /** The fault in force, or undefined. */
  state(): FaultState | undefined;
  /** Consumes one request's share of the fault. */
  take(): FaultDecision | undefined;
}

const MAX_LATENCY_MS = 60_000;

function check(options: FaultOptions): FaultState {
  const count = options.count ?? 1;
  const latencyMs = options.latencyMs ?? 0;
  const status = options.status ?? 500;
  const errorRate = options.errorRate ?? (options.status !== undefined ? 1 : 0);
  if (!Number.isInteger(count) || count < 1) throw new TypeError(`faults: count must be a positive integer, got ${count}`);
  if (!Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS)
    throw new TypeError(`faults: latencyMs must be 0..${MAX_LATENCY_MS}, got ${latencyMs}`);
  if (!Number.isInteger(status) || status < 500 || status > 599) throw new TypeError(`faults: status must be a 5xx status, got ${status}`);
  if (!Number.isFinite(errorRate) || errorRate < 0 || errorRate > 1)
    throw new TypeError(`faults: errorRate must be 0..1, got ${errorRate}`);
  return { remaining: count, latencyMs, errorRate, status };
}

export function createFaultInjector(random: Random): FaultInjector {
  let current: FaultState | undefined;
  return {
    inject(options) {
      current = check(options);
      return { ...current };
    },
    clear() {
      current = undefined;
    },
    state: () => (current ? { ...current } : undefined),
    take() {
      if (!current) return undefined;
      const { latencyMs, errorRate, status } = current;
      current.remaining -= 1;
      if (current.remaining <= 0) current = undefined;
      const fail = errorRate > 0 && random() < errorRate;
      return fail ? { latencyMs, status } : { latencyMs };
    },
  };
}
