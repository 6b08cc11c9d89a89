// Lists select from the stored data: date ranges, department, agent, keyword and rating filters;
// pages and total computed from what matched, so paging yields every item exactly once. The chat
// volume report counts the stored chats.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAjv2020, createMockServer, loadDefaultSpec, type MockServer } from "../../src/index.js";
import { api } from "./api.js";

let mock: MockServer;
let c: ReturnType<typeof api>;
beforeAll(async () => {
  mock = await createMockServer({ now: "2026-12-02T10:00:00Z", pageSize: 7 });
  c = api(mock.url);
});
afterAll(() => mock.close());

type Chat = {
  id: string;
  department: string;
  start_time: string;
  operators: Array<{ id: number }>;
  rating: string;
  chat_transcript: string;
};
const seconds = (d: string) => Number(d.slice(6, -2));

async function exportAll(path: string, key: "chats" | "offline_messages"): Promise<{ items: any[]; total: number; pages: number }> {
  const first = (await c.get(`${path}&page=1`)).json;
  const items = [...first[key]];
  for (let p = 2; p <= first.pages; p++) {
    const page = (await c.get(`${path}&page=${p}`)).json;
    expect(page.total).toBe(first.total);
    items.push(...page[key]);
  }
  return { items, total: first.total, pages: first.pages };
}

describe("chats", () => {
  it("paging a month yields every chat of the month exactly once", async () => {
    const { items, total, pages } = await exportAll("/livechat/chats?date_from=2026-11-01&date_to=2026-11-30", "chats");
    expect(total).toBeGreaterThan(50);
    expect(pages).toBe(Math.ceil(total / 7));
    expect(items).toHaveLength(total);
    expect(new Set(items.map((x: Chat) => x.id)).size).toBe(total);
    for (const chat of items as Chat[]) {
      expect(seconds(chat.start_time)).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 1) / 1000);
      expect(seconds(chat.start_time)).toBeLessThan(Date.UTC(2026, 11, 1) / 1000);
    }
    // A page past the end is empty but keeps the counts.
    const past = (await c.get(`/livechat/chats?date_from=2026-11-01&date_to=2026-11-30&page=${pages + 1}`)).json;
    expect(past).toEqual({ chats: [], pages, total });
  });

  it("months add up to the 90 days; unpadded dates work", async () => {
    const all = (await c.get("/livechat/chats?date_from=2026-9-3&date_to=2026-12-1")).json.total;
    const parts = await Promise.all(
      [
        ["2026-9-3", "2026-9-30"],
        ["2026-10-01", "2026-10-31"],
        ["2026-11-01", "2026-12-01"],
      ].map(async ([f, t]) => (await c.get(`/livechat/chats?date_from=${f}&date_to=${t}`)).json.total as number),
    );
    expect(parts.reduce((a, b) => a + b, 0)).toBe(all);
    expect(all).toBe(mock.snapshot().data!.chats.length);
  });

  it("without dates: only today's chats (mock clock)", async () => {
    expect((await c.get("/livechat/chats")).json.total).toBe(0);
    mock.clock.advance(-86_400_000); // yesterday is the last seeded day
    try {
      const today = (await c.get("/livechat/chats")).json;
      expect(today.total).toBeGreaterThan(0);
      expect(today.total).toBe((await c.get("/livechat/chats?date_from=2026-12-01&date_to=2026-12-01")).json.total);
    } finally {
      mock.clock.advance(86_400_000);
    }
  });

  it("department, operator, rating and keyword filters select from the data", async () => {
    const range = "date_from=2026-09-01&date_to=2026-12-01";
    const all = (await exportAll(`/livechat/chats?${range}`, "chats")).items as Chat[];
    const support = (await exportAll(`/livechat/chats?${range}&department=2`, "chats")).items as Chat[];
    expect(support.length).toBe(all.filter((x) => x.department === "Support").length);
    expect(support.length).toBeGreaterThan(0);

    const agent = all[0]!.operators[0]!.id;
    const byAgent = (await exportAll(`/livechat/chats?${range}&operator=${agent}`, "chats")).items as Chat[];
    expect(byAgent.length).toBe(all.filter((x) => x.operators.some((o) => o.id === agent)).length);

    const five = (await exportAll(`/livechat/chats?${range}&rating=5`, "chats")).items as Chat[];
    expect(five.length).toBeGreaterThan(0);
    expect(five.every((x) => x.rating === "5")).toBe(true);

    const word = all[3]!.chat_transcript.split(": ")[2]!.split(" ")[0]!.toLowerCase();
    const found = (await exportAll(`/livechat/chats?${range}&keyword=${encodeURIComponent(word.toUpperCase())}`, "chats")).items as Chat[];
    expect(found.map((x) => x.id)).toContain(all[3]!.id);
    expect(found.every((x) => JSON.stringify(x).toLowerCase().includes(word))).toBe(true);

    expect((await c.get(`/livechat/chats?${range}&department=999`)).json).toEqual({ chats: [], pages: 0, total: 0 });
  });
});

describe("offline messages", () => {
  it("paging yields each message once; the department filter holds", async () => {
    const { items, total } = await exportAll("/livechat/offline_messages?date_from=2026-09-01&date_to=2026-12-01", "offline_messages");
    expect(total).toBe(mock.snapshot().data!.offlineMessages.length);
    expect(new Set(items.map((m: { id: string }) => m.id)).size).toBe(total);
    const billing = (await exportAll("/livechat/offline_messages?date_from=2026-09-01&date_to=2026-12-01&department=3", "offline_messages"))
      .items;
    expect(billing.every((m: { department: string }) => m.department === "Billing")).toBe(true);
    expect(billing.length).toBe(items.filter((m: { department: string }) => m.department === "Billing").length);
    const one = items[0];
    expect((await c.get(`/livechat/offline_messages/${one.id}`)).json).toEqual(one);
  });
});

describe("chat volume report", () => {
  it("counts the stored chats per day, per month and per department", async () => {
    const q = "timeFrom=2026-11-01T00:00:00&timeTo=2026-12-01T00:00:00";
    const listed = (await c.get("/livechat/chats?date_from=2026-11-01&date_to=2026-11-30")).json.total;
    const days = (await c.get(`/livechat/reports/chatVolume?${q}&group=day`)).json as Array<{
      chats: number;
      time: { from: string; to: string };
    }>;
    expect(days).toHaveLength(30);
    expect(days[0]!.time).toEqual({ from: "2026-11-01T00:00:00", to: "2026-11-02T00:00:00" });
    expect(days.reduce((a, r) => a + r.chats, 0)).toBe(listed);
    const month = (await c.get(`/livechat/reports/chatVolume?${q}&group=month`)).json;
    expect(month).toHaveLength(1);
    expect(month[0].chats).toBe(listed);
    const byDept = (await c.get(`/livechat/reports/chatVolume?${q}&group=department`)).json as Array<{
      departmentId: number;
      chats: number;
    }>;
    expect(byDept.reduce((a, r) => a + r.chats, 0)).toBe(listed);
    const support = (await c.get("/livechat/chats?date_from=2026-11-01&date_to=2026-11-30&department=2")).json.total;
    expect(byDept.find((r) => r.departmentId === 2)!.chats).toBe(support);
    const filtered = (await c.get(`/livechat/reports/chatVolume?${q}&group=month&filterName=department&filterValue=2`)).json;
    expect(filtered[0].chats).toBe(support);
  });

  it("refuses a period of too many rows instead of working for minutes", async () => {
    const res = await c.get("/livechat/reports/chatVolume?timeFrom=1000-01-01T00:00:00&timeTo=9000-01-01T00:00:00&group=hour");
    expect(res.status).toBe(400);
    expect(res.json.message).toContain("rows");
  });

  it("the offline message and rating reports count the stored records, valid against the spec", async () => {
    const spec = loadDefaultSpec() as any;
    const ajv = createAjv2020({ strict: false });
    ajv.addSchema(spec, "spec");
    const valid = (path: string, body: unknown) =>
      ajv.validate({ $ref: `spec#/paths/${path.replaceAll("/", "~1")}/get/responses/200/content/application~1json/schema` }, body);
    const q = "timeFrom=2026-11-01T00:00:00&timeTo=2026-12-01T00:00:00";
    const data = mock.snapshot().data!;
    const inNov = (d: string | undefined) => seconds(d!) >= Date.UTC(2026, 10, 1) / 1000 && seconds(d!) < Date.UTC(2026, 11, 1) / 1000;

    const offline = (await c.get(`/livechat/reports/offlineMessage?${q}&group=week`)).json;
    expect(valid("/livechat/reports/offlineMessage", offline)).toBe(true);
    expect(offline.reduce((a: number, r: { messages: number }) => a + r.messages, 0)).toBe(
      data.offlineMessages.filter((m) => inNov(m.time)).length,
    );

    const byScore = (await c.get(`/livechat/reports/rating?${q}&group=month`)).json;
    expect(valid("/livechat/reports/rating", byScore)).toBe(true);
    expect(byScore[0].score5).toBe(data.chats.filter((x) => inNov(x.start_time) && x.rating === "5").length);
    expect(byScore[0].score5).toBeGreaterThan(0);
    const agent = (data.chats[0]!.operators as Array<{ id: number }>)[0]!.id;
    const byAgent = (await c.get(`/livechat/reports/rating?${q}&group=agent`)).json as Array<{ agentId: number; score4: number }>;
    expect(valid("/livechat/reports/rating", byAgent)).toBe(true);
    const filtered = (await c.get(`/livechat/reports/rating?${q}&group=month&filterName=agent&filterValue=${agent}`)).json;
    expect(filtered[0].score4).toBe(byAgent.find((r) => r.agentId === agent)!.score4);
  });

  it("other reports keep their documented examples", async () => {
    const res = await c.get("/livechat/reports/visits?timeFrom=2026-11-01T00:00:00&timeTo=2026-12-01T00:00:00&group=day");
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(Array.isArray(res.json)).toBe(true);
  });
});
