import { createComm100Client, type Chat, type Comm100Client } from "@comm100-sdk/client";

// dates: "date": the date fields of the answers are Dates, and typed so (Chat<"date">).
const comm100 = createComm100Client({ email: "agent@example.com", apiKey: process.env.COMM100_API_KEY ?? "", dates: "date" });

const { chats = [] } = await comm100.chats.list({ date_from: "2026-11-01", date_to: "2026-11-30" });
for (const chat of chats) console.log(chat.id, chat.start_time?.toISOString(), chat.wrap_up?.time?.getTime());

// The iterators, .withResponse() and the request style follow the mode as well.
for await (const message of comm100.offlineMessages.listAll()) console.log(message.time?.getUTCDay());
const { data } = await comm100.GET("/livechat/chats/{id}", { params: { path: { id: "c1" } } });
console.log(data?.end_time instanceof Date);

// A function that takes the client or a model names the mode; without it, the string mode.
function firstStart(client: Comm100Client<"date">, list: Chat<"date">[]): Date | undefined {
  void client;
  return list[0]?.start_time;
}
console.log(firstStart(comm100, chats));
