import { createComm100Client } from "@comm100-sdk/client";

const comm100 = createComm100Client({ email: "agent@example.com", apiKey: process.env.COMM100_API_KEY! });

// Fetches page 1, 2, ... until the answer's `pages`, lazily, as you iterate.
for await (const chat of comm100.chats.listAll({ date_from: "2013-06-27", date_to: "2013-09-27" })) {
  console.log(chat.id, chat.name);
}
// Page by page, with the envelope: items, page, pages, total and the Response.
for await (const page of comm100.offlineMessages.listPages({ keyword: "refund" })) {
  console.log(`page ${page.page} of ${page.pages}: ${page.items.length} of ${page.total} messages`);
}
// One page only:
const page = await comm100.chats.list({ date_from: "2013-06-27", page: 2 });
console.log(page.pages, page.total);
