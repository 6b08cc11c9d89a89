// --max-concurrency, --requests-per-second, --daily-limit and --share: the client's `limits`
// option (createLimits from @comm100-sdk/client/quota). Loaded only when a flag asks for it, and
// refused with a usage error by a client version that does not have it.
import { UsageError } from "./usage-error.js";

export interface LimitFlags {
  maxConcurrency?: number;
  requestsPerSecond?: number;
  dailyLimit?: number;
  share?: number;
}

const QUOTA_ENTRY = "@comm100-sdk/client/quota";

export async function limitsFor(flags: LimitFlags): Promise<Record<string, unknown>> {
  const { maxConcurrency, requestsPerSecond, dailyLimit, share } = flags;
  if (maxConcurrency === undefined && requestsPerSecond === undefined && dailyLimit === undefined) {
    if (share !== undefined) throw new UsageError("--share needs --daily-limit");
    return {};
  }
  let createLimits: (o: object) => unknown;
  try {
    ({ createLimits } = await import(/* a variable: resolved at run time */ QUOTA_ENTRY as string));
  } catch {
    throw new UsageError("--max-concurrency, --requests-per-second and --daily-limit need a version of @comm100-sdk/client with limits (@comm100-sdk/client/quota)");
  }
  return {
    limits: createLimits({
      ...(maxConcurrency !== undefined ? { maxConcurrency } : {}),
      ...(requestsPerSecond !== undefined ? { requestsPerSecond } : {}),
      ...(dailyLimit !== undefined ? { quota: { dailyLimit, ...(share !== undefined ? { share } : {}) } } : {}),
    }),
  };
}
