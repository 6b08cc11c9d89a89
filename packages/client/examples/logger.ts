import { createComm100Client } from "@comm100-sdk/client";

const comm100 = createComm100Client({
  baseUrl: "http://127.0.0.1:4010/api/v1", // e.g. `pnpm mock`; http is allowed only on loopback
  email: "agent@example.com",
  apiKey: "mock-api-key",
  // "comm100 request" { method, url, attempt, headers: { authorization: "Basic [REDACTED]", ... } },
  // "comm100 response" { method, url, attempt, status, ms } (debug), "comm100 retry" { ..., delayMs } (info)
  logger: { debug: (message, data) => console.debug(message, data), info: (message, data) => console.info(message, data) },
  logLevel: "info", // only retries; the default with a logger is every event; COMM100_LOG sets it too
  middleware: [
    {
      onRequest({ request }) {
        request.headers.set("x-app", "my-app"); // openapi-fetch middleware; it never sees Authorization
        return request;
      },
    },
  ],
});

console.log(await comm100.siteStatus.get());
