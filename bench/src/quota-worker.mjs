// One worker of the shared-budget throughput benchmark: calls until the budget (or `max`) says no.
// argv: <base URL> <redis URL or "none"> <daily limit> <max calls>; prints { sent, ms }.
import { createComm100Client } from "@comm100-sdk/client";
import { createLimits } from "@comm100-sdk/client/quota";
import { createRedisQuotaStore } from "@comm100-sdk/redis";

const [base, redisUrl, dailyLimit, max] = process.argv.slice(2);
const store = redisUrl === "none" ? undefined : createRedisQuotaStore({ url: redisUrl });
const comm100 = createComm100Client({
  baseUrl: base,
  email: "agent@example.com",
  apiKey: "bench-key",
  retry: false,
  ...(store && { limits: createLimits({ quota: { dailyLimit: Number(dailyLimit), store } }) }),
});
let sent = 0;
let started = 0;
const t0 = performance.now();
async function loop() {
  while (started < Number(max)) {
    started++;
    try {
      await comm100.siteStatus.get();
      sent++;
    } catch {
      return; // the budget is used up
    }
  }
}
await Promise.all(Array.from({ length: 4 }, loop));
const ms = performance.now() - t0;
await store?.close();
process.stdout.write(JSON.stringify({ sent, ms }));
