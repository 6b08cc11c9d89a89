import { Comm100QuotaExceededError, createComm100Client } from "@comm100-sdk/client";
import { createLimits } from "@comm100-sdk/client/quota";

// One Limits for every client of this process that uses the account: they share the count and the queue.
const limits = createLimits({
  quota: { dailyLimit: 10_000, share: 0.8 }, // stop at 8,000 today, leaving the rest to other jobs
  maxConcurrency: 4, // at most 4 requests in flight
  requestsPerSecond: 5, // at most 5 started in any second
});
const comm100 = createComm100Client({ email: "agent@example.com", apiKey: process.env.COMM100_API_KEY!, limits });

try {
  for await (const chat of comm100.chats.listAll({ date_from: "2026-11-01" })) console.log(chat.id);
} catch (err) {
  if (!(err instanceof Comm100QuotaExceededError)) throw err;
  console.log(`budget used up; try again after ${err.quotaResetsAt.toISOString()}`);
}
const { used, limit, resetsAt } = comm100.quota!; // counted by this process today (every attempt, retries included)
console.log(`${used} of ${limit} requests today; the count restarts at ${resetsAt.toISOString()}`);
