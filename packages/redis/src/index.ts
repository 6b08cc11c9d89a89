export { createRedisQuotaStore } from "./store.js";
export type { RedisQuotaStore, RedisQuotaStoreOptions } from "./store.js";
export { Comm100QuotaStoreError } from "./errors.js";
export { RESERVE as RESERVE_SCRIPT } from "./scripts.js";
