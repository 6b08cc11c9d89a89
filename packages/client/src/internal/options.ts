// The numeric options, checked the same way at client creation and per call, and `dates`.
import type { RetryOptions } from "../options.js";

export type RetryPolicy = Required<RetryOptions>;
type Fail = (message: string) => never;

/** A positive number (`Infinity`: no limit); NaN, 0, negatives and non-numbers fail. */
export function positive(v: unknown, name: string, fail: Fail): number {
  if (typeof v !== "number" || !(v > 0))
    fail(`\`${name}\` must be a positive number; got ${typeof v === "string" ? JSON.stringify(v) : String(v)}`);
  return v as number;
}

/** The policy `r` asks for on top of `base`: `false` means no retries, fields left undefined keep `base`'s. */
export function retryPolicy(r: unknown, base: RetryPolicy, fail: Fail): RetryPolicy {
  if (r === undefined) return base;
  if (r === false) return { ...base, retries: 0 };
  if (!r || typeof r !== "object") fail("`retry` must be false or { retries, minDelayMs, maxDelayMs, maxRetryAfterMs }");
  const out = { ...base };
  for (const k of Object.keys(base) as (keyof RetryPolicy)[]) {
    const v = (r as RetryOptions)[k];
    if (v === undefined) continue;
    const whole = k === "retries";
    if (typeof v !== "number" || !(v >= 0) || (whole && !Number.isInteger(v)))
      fail(`\`retry.${k}\` must be a non-negative ${whole ? "integer" : "number"}; got ${String(v)}`);
    out[k] = v;
  }
  return out;
}

/** The `dates` mode: `"string"` (the default) or `"date"`; anything else fails. */
export function datesMode(v: unknown, fail: Fail): "string" | "date" {
  if (v === undefined) return "string";
  if (v !== "string" && v !== "date")
    fail(`\`dates\` must be "string" or "date"; got ${typeof v === "string" ? JSON.stringify(v) : typeof v}`);
  return v as "string" | "date";
}
