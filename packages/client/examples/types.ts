import { createComm100Client, parseComm100Date, type Chat, type Comm100, type Department } from "@comm100-sdk/client";

const comm100 = createComm100Client({ email: "agent@example.com", apiKey: process.env.COMM100_API_KEY ?? "" });

// A method's params and answer have names: Comm100.<Namespace>.<Method>Params / Response / Item.
async function chatsOf(department: Department, dateTo?: string): Promise<Chat[]> {
  const params: Comm100.Chats.ListParams = { date_from: "2026-11-01", date_to: dateTo, department: department.id };
  const chats: Chat[] = [];
  for await (const chat of comm100.chats.listAll(params)) chats.push(chat);
  return chats;
}

// Optional date fields stay optional: `undefined` in, `undefined` out.
function durationMs(chat: Chat): number | undefined {
  const start = parseComm100Date(chat.start_time);
  const end = parseComm100Date(chat.end_time);
  return start && end ? end.getTime() - start.getTime() : undefined;
}

// Report filters take the numeric ids other calls return.
const sales = await comm100.departments.get(3);
await comm100.reports.getChatVolume({
  timeFrom: "2026-11-01T00:00:00",
  timeTo: "2026-12-01T00:00:00",
  group: "day",
  filterName: "department",
  filterValue: sales.id,
});
console.log((await chatsOf(sales)).map(durationMs));
