import { createComm100Client } from "@comm100-sdk/client";

const comm100 = createComm100Client({ email: "agent@example.com", apiKey: process.env.COMM100_API_KEY! });

// Request style: openapi-fetch semantics, typed from the spec. Never throws for 4xx/5xx
// (unless the client has `throwOnError: true`); `error` is the { code, message } body.
const { data, error, response } = await comm100.GET("/livechat/operators/{email}", {
  params: { path: { email: "kelly@comm100.com" } },
});
if (error) console.error(response.status, error.code, error.message);
else console.log(data.display_name);

// Resource style: generated from the spec's tags and operationIds; returns the data, throws typed errors.
const agent = await comm100.agents.get("kelly@comm100.com");
const chat = await comm100.chats.get("7b1a47f5-6dd5-4d29-a14d-725effdad6bd");
const report = await comm100.reports.getChatVolume({
  timeFrom: "2017-12-01T00:00:00",
  timeTo: "2018-01-01T00:00:00",
  timezone: "+08:00",
  group: "day",
});
console.log(agent.email, chat.id, report.length);
