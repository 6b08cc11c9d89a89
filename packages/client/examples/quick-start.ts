import { createComm100Client } from "@comm100-sdk/client";

const comm100 = createComm100Client({
  domain: "hosted.comm100.com", // your Control Panel domain (this one is the default)
  email: process.env.COMM100_EMAIL!,
  apiKey: process.env.COMM100_API_KEY!,
});

const agents = await comm100.agents.list();
for (const agent of agents) console.log(agent.email, agent.status);
