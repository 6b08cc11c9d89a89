import { createComm100Client } from "@comm100-sdk/client";

const comm100 = createComm100Client({ email: "agent@example.com", apiKey: process.env.COMM100_API_KEY! });

const since = new Date(Date.UTC(2024, 0, 31, 22, 30));
// date_from=2024-01-31 (the UTC day)
const chats = await comm100.chats.list({ date_from: since });
// timeFrom=2024-02-01T06:30:00: wall-clock time in the call's `timezone` (+08:00)
const volume = await comm100.reports.getChatVolume({ timeFrom: since, timeTo: new Date(), timezone: "+08:00", group: "day" });
console.log(chats.total, volume.length);
