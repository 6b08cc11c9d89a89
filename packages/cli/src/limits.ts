// --max-concurrency, --requests-per-second, --daily-limit and --share: the client's `limits`
// option, made by createLimits of @comm100-sdk/client/quota.
import type { Comm100ClientOptions } from "@comm100-sdk/client";
import { createLimits } from "@comm100-sdk/client/quota";
import { UsageError } from "./usage-error.js";

export interface LimitFlags {
  maxConcurrency?: number;
  requestsPerSecond?: number;
  dailyLimit?: number;
  share?: number;
}

export function limitsFor(flags: LimitFlags): Pick<Comm100ClientOptions, "limits"> {
  const { maxConcurrency, requestsPerSecond, dailyLimit, share } = flags;
  if (share !== undefined && dailyLimit === undefined) throw new UsageError("--share needs --daily-limit");
  if (maxConcurrency === undefined && requestsPerSecond === undefined && dailyLimit === undefined) return {};
  return {
    limits: createLimits({
      ...(maxConcurrency !== undefined ? { maxConcurrency } : {}),
      ...(requestsPerSecond !== undefined ? { requestsPerSecond } : {}),
      ...(dailyLimit !== undefined ? { quota: { dailyLimit, ...(share !== undefined ? { share } : {}) } } : {}),
    }),
  };
}
