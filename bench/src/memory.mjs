// Memory over 10,000 sequential requests through one client (run with --expose-gc):
// heapUsed after a full GC at every thousand, peak RSS of the process.
// argv: <port> <which: sdk|openapi-fetch> ; prints JSON.
import { createComm100Client } from "@comm100-sdk/client";
import createClient from "openapi-fetch";

const [port, which] = process.argv.slice(2);
const baseUrl = `http://127.0.0.1:${port}/api/v1`;
const call =
  which === "sdk"
    ? (() => {
        const c = createComm100Client({ baseUrl, email: "agent@example.com", apiKey: "bench-api-key" });
        return () => c.agents.list();
      })()
    : (() => {
        /** @type {import("openapi-fetch").Client<import("@comm100-sdk/types").paths>} */
        const c = createClient({ baseUrl, headers: { Authorization: "Basic YWdlbnRAZXhhbXBsZS5jb206YmVuY2gtYXBpLWtleQ==" } });
        return async () => (await c.GET("/livechat/operators")).data;
      })();

const gc = globalThis.gc;
if (!gc) throw new Error("run with --expose-gc");
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const samples = [];
for (let k = 1; k <= 10; k++) {
  for (let i = 0; i < 1000; i++) await call();
  samples.push(heap());
}
console.log(JSON.stringify({ which, heapAfterThousands: samples, maxRssKb: process.resourceUsage().maxRSS }));
