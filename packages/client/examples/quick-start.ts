import { createComm100Client } from "@comm100-sdk/client";

// email, apiKey and the host default to COMM100_EMAIL, COMM100_API_KEY and COMM100_DOMAIN
// (or COMM100_BASE_URL) where there is an environment; pass them to override.
const comm100 = createComm100Client({ domain: "hosted.comm100.com" });

const agents = await comm100.agents.list();
for (const agent of agents) console.log(agent.email, agent.status);
