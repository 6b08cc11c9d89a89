// `@comm100-sdk/client/quota`: a daily request budget, concurrency and rate limits. A separate entry
// so that a client without them carries none of this code.
export { budgetExceeded, createLimits } from "./limits.js";
export type { AttemptDone, Comm100Limits, Limits, LimitsAttemptHook, LimitsOptions, QuotaOptions } from "./limits.js";
export { QuotaMeter } from "./meter.js";
export type { MeterVerdict, QuotaMeterOptions, QuotaSnapshot } from "./meter.js";
export { Budget } from "./budget.js";
export type { BudgetOptions } from "./budget.js";
export { Limiter } from "./limiter.js";
export type { LimiterOptions, Release } from "./limiter.js";
export { createMemoryQuotaStore } from "./memory-store.js";
export type { QuotaCount, QuotaDay, QuotaReservation, QuotaStore } from "./store.js";
