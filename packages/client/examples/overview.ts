import { createComm100Client } from "@comm100-sdk/client";

const comm100 = createComm100Client({
  domain: "hosted.comm100.com", // your Control Panel domain
  email: "agent@example.com",
  apiKey: process.env.COMM100_API_KEY!,
});

// resource style: returns data, throws typed errors
const agents = await comm100.agents.list();
for await (const chat of comm100.chats.listAll({ date_from: "2026-11-01" })) {
  console.log(chat.id, chat.name);
}

// request style: openapi-fetch semantics, fully typed from the spec
const { data, error } = await comm100.GET("/livechat/operators/{email}", {
  params: { path: { email: "agent@example.com" } },
});
console.log(agents.length, data?.email ?? error?.message);
