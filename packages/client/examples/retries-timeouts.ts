import { createComm100Client } from "@comm100-sdk/client";

const comm100 = createComm100Client({
  domain: "euportal.comm100.com",
  email: "agent@example.com",
  apiKey: process.env.COMM100_API_KEY!,
  timeoutMs: 30_000, // per attempt, reading the body included (default 60 s)
  retry: { retries: 3, minDelayMs: 500, maxDelayMs: 8_000 }, // or `retry: false`
  maxResponseBytes: 10 * 2 ** 20, // default 50 MiB
});

// Per call: a shorter timeout, your own signal, extra headers and a retry policy of its own.
const controller = new AbortController();
setTimeout(() => controller.abort(), 10_000);
const visitors = await comm100.visitors.list({}, { timeoutMs: 5_000, signal: controller.signal, headers: { "x-request-id": "42" } });
const sites = await comm100.siteStatus.get({}, { retry: false });
const { data } = await comm100.GET("/livechat/operators", { retry: { retries: 5 } });
console.log(visitors.length, sites, data?.length);
