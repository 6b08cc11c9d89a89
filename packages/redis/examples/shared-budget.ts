import { Comm100QuotaExceededError, createComm100Client } from "@comm100-sdk/client";
import { createLimits } from "@comm100-sdk/client/quota";
import { Comm100QuotaStoreError, createRedisQuotaStore } from "@comm100-sdk/redis";

// Run this in every worker, on any machine: one Redis, one count for the account.
const store = createRedisQuotaStore({ url: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" });
const comm100 = createComm100Client({
  email: "agent@example.com",
  apiKey: process.env.COMM100_API_KEY!,
  limits: createLimits({
    quota: { dailyLimit: 10_000, store, onExhausted: "wait", maxWaitMs: 6 * 3_600_000 }, // wait up to 6 h for 00:00 UTC
    maxConcurrency: 2, // per process
  }),
});

try {
  const agents = await comm100.agents.list();
  console.log(agents.length, comm100.quota); // { used, limit, resetsAt, exhausted }: the group's count
} catch (err) {
  if (err instanceof Comm100QuotaExceededError) console.log("used up until", err.quotaResetsAt);
  else if (err instanceof Comm100QuotaStoreError)
    console.log("Redis is unreachable:", err.message); // nothing was sent
  else throw err;
} finally {
  await store.close();
}
