// Compiled by `typecheck` with `exactOptionalPropertyTypes: true`: what a strict TypeScript user
// writes must type-check against the client (optional params fed from optional values).
import { createComm100Client, parseComm100Date, type Chat, type Comm100 } from "@comm100-sdk/client";

const comm100 = createComm100Client({ baseUrl: "http://127.0.0.1:4010/api/v1", email: "a@b.c", apiKey: "key1" });

export async function chatsBetween(from: string, to: string | undefined, department?: number): Promise<Date[]> {
  const params: Comm100.Chats.ListParams = { date_from: from, date_to: to, department };
  const starts: Date[] = [];
  for await (const chat of comm100.chats.listAll(params)) {
    const start = parseComm100Date((chat satisfies Chat).start_time);
    if (start) starts.push(start);
  }
  return starts;
}

export async function volume(filterValue: number | undefined) {
  return comm100.reports.getChatVolume({
    timeFrom: "2026-11-01T00:00:00",
    timeTo: "2026-12-01T00:00:00",
    group: "day",
    filterName: "department",
    filterValue,
  });
}
