// The clients compared, each set up the way its docs suggest and making the same call:
// GET /livechat/operators with Basic auth, JSON body parsed.
import { createComm100Client } from "@comm100-sdk/client";
import createClient from "openapi-fetch";

const EMAIL = "agent@example.com";
const API_KEY = "bench-api-key";
const AUTH = `Basic ${Buffer.from(`${EMAIL}:${API_KEY}`, "utf8").toString("base64")}`;

/**
 * @param {string} baseUrl e.g. http://127.0.0.1:1234/api/v1
 * @param {any} hey the bundled hey-api client module (createClient, createConfig, listAgents)
 * @param {typeof fetch} [fetchImpl] a stub to measure client overhead without a network
 */
export function contenders(baseUrl, hey, fetchImpl) {
  const url = `${baseUrl}/livechat/operators`;
  const f = fetchImpl ?? globalThis.fetch;
  /** @type {import("openapi-fetch").Client<import("@comm100-sdk/types").paths>} */
  const bare = createClient({ baseUrl, headers: { Authorization: AUTH }, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const comm100 = createComm100Client({ baseUrl, email: EMAIL, apiKey: API_KEY, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const heyClient = hey.createClient(
    hey.createConfig({ baseUrl, auth: `${EMAIL}:${API_KEY}`, ...(fetchImpl ? { fetch: fetchImpl } : {}) }),
  );
  return {
    "raw fetch": async () => {
      const r = await f(url, { headers: { Authorization: AUTH } });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json();
    },
    "openapi-fetch (bare)": async () => (await bare.GET("/livechat/operators")).data,
    "@comm100-sdk/client request style": async () => (await comm100.GET("/livechat/operators")).data,
    "@comm100-sdk/client resource style": () => comm100.agents.list(),
    "hey-api client": async () => (await hey.listAgents({ client: heyClient })).data,
  };
}
