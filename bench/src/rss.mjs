// Peak memory of 1000 concurrent requests, one contender per process: the contender is set up,
// makes one warm-up call, then fires 1000 calls at once at the loopback server and awaits them all.
// argv: <port> <contender> <body json> ; prints JSON: maxRSS of the process (process.resourceUsage(),
// kB), the RSS before the burst, the burst's wall time.
const [port, which, body] = process.argv.slice(2);
const CONCURRENT = 1000;
const EMAIL = "agent@example.com";
const API_KEY = "bench-api-key";
const AUTH = `Basic ${Buffer.from(`${EMAIL}:${API_KEY}`, "utf8").toString("base64")}`;
const baseUrl = `http://127.0.0.1:${port}/api/v1`;
const expected = JSON.parse(body).length;

/** Each contender imports only what it uses, so its process carries nothing of the others. */
async function setUp() {
  switch (which) {
    case "raw fetch": {
      const url = `${baseUrl}/livechat/operators`;
      return async () => {
        const r = await fetch(url, { headers: { Authorization: AUTH } });
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json();
      };
    }
    case "openapi-fetch (bare)": {
      const { default: createClient } = await import("openapi-fetch");
      /** @type {import("openapi-fetch").Client<import("@comm100-sdk/types").paths>} */
      const c = createClient({ baseUrl, headers: { Authorization: AUTH } });
      return async () => (await c.GET("/livechat/operators")).data;
    }
    case "@comm100-sdk/client request style": {
      const { createComm100Client } = await import("@comm100-sdk/client");
      const c = createComm100Client({ baseUrl, email: EMAIL, apiKey: API_KEY });
      return async () => (await c.GET("/livechat/operators")).data;
    }
    case "@comm100-sdk/client resource style": {
      const { createComm100Client } = await import("@comm100-sdk/client");
      const c = createComm100Client({ baseUrl, email: EMAIL, apiKey: API_KEY });
      return () => c.agents.list();
    }
    default:
      throw new Error(`unknown contender ${which}`);
  }
}

const call = await setUp();
const check = (/** @type {unknown} */ data) => {
  if (!Array.isArray(data) || data.length !== expected)
    throw new Error(`${which}: unexpected answer ${JSON.stringify(data)?.slice(0, 200)}`);
};
check(await call());
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => call()));
const burstMs = performance.now() - t0;
for (const a of answers) check(a);
console.log(JSON.stringify({ which, concurrent: CONCURRENT, maxRssKb: process.resourceUsage().maxRSS, rssBefore, burstMs }));
