// `dates: "date"`: the spec's Comm100Date fields of 2xx answers become Dates, in both styles and in
// the iterators, by the generated shape of each operation (never by key name); a value that is not
// a date is a typed error. Against the spec-driven mock (/Date(n)/) and a stub answering ISO 8601.
import { createMockServer, DEFAULT_ACCOUNT, type MockServer } from "@comm100-sdk/mock-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Comm100ConfigError,
  Comm100InvalidResponseError,
  createComm100Client,
  createComm100RequestClient,
  parseComm100Date,
} from "../src/index.js";
import { RESPONSE_DATES } from "../src/generated/response-dates.js";
import { API_KEY, EMAIL, json, startServer } from "./helpers.js";

const NOVEMBER = { date_from: "2026-11-01", date_to: "2026-11-30" };

let mock: MockServer;
beforeAll(async () => {
  mock = await createMockServer({ now: "2026-12-02T09:00:00Z" });
});
afterAll(() => mock?.close());

const clients = () => ({
  dated: createComm100Client({ baseUrl: mock.url, ...DEFAULT_ACCOUNT, dates: "date" }),
  plain: createComm100Client({ baseUrl: mock.url, ...DEFAULT_ACCOUNT }),
});

const isDate = (v: unknown) => v instanceof Date && !Number.isNaN(v.getTime());

describe('dates: "date" against the mock (/Date(n)/ answers)', () => {
  it("chats list: start_time, end_time and the nested wrap_up.time are Dates equal to parseComm100Date of the strings", async () => {
    const { dated, plain } = clients();
    const [d, s] = await Promise.all([dated.chats.list(NOVEMBER), plain.chats.list(NOVEMBER)]);
    expect(s.chats?.length).toBeGreaterThan(0);
    expect(d.chats).toHaveLength(s.chats!.length);
    let wrapUps = 0;
    for (const [i, chat] of d.chats!.entries()) {
      const raw = s.chats![i]!;
      expect(typeof raw.start_time).toBe("string");
      expect(chat.start_time).toEqual(parseComm100Date(raw.start_time));
      expect(chat.end_time).toEqual(parseComm100Date(raw.end_time));
      if (raw.wrap_up?.time !== undefined) {
        wrapUps++;
        expect(isDate(chat.wrap_up?.time)).toBe(true);
        expect(chat.wrap_up?.time).toEqual(parseComm100Date(raw.wrap_up.time));
        expect(chat.wrap_up?.category).toBe(raw.wrap_up.category);
      }
      // every other field is untouched
      expect({ ...chat, start_time: 0, end_time: 0, wrap_up: 0 }).toEqual({ ...raw, start_time: 0, end_time: 0, wrap_up: 0 });
    }
    expect(wrapUps, "the seeded chats have wrap-ups").toBeGreaterThan(0);
    expect(d.pages).toBe(s.pages);
  });

  it("one chat, visitors (a top-level array), one visitor and offline messages", async () => {
    const { dated, plain } = clients();
    const id = (await plain.chats.list(NOVEMBER)).chats![0]!.id;
    const chat = await dated.chats.get(id);
    expect(isDate(chat.start_time)).toBe(true);

    const [visitors, rawVisitors] = await Promise.all([dated.visitors.list(), plain.visitors.list()]);
    expect(visitors.length).toBeGreaterThan(0);
    for (const [i, v] of visitors.entries()) {
      expect(v.visit_time).toEqual(parseComm100Date(rawVisitors[i]!.visit_time));
      expect(v.first_visit_time).toEqual(parseComm100Date(rawVisitors[i]!.first_visit_time));
      expect(v.time_zone).toBe(rawVisitors[i]!.time_zone);
    }
    const one = await dated.visitors.get(visitors[0]!.id);
    expect(isDate(one.visit_time)).toBe(true);

    const messages = await dated.offlineMessages.list(NOVEMBER);
    expect(messages.offline_messages?.length).toBeGreaterThan(0);
    for (const m of messages.offline_messages!) expect(isDate(m.time)).toBe(true);
  });

  it("listAll and listPages convert every page", async () => {
    const { dated } = clients();
    let n = 0;
    for await (const chat of dated.chats.listAll(NOVEMBER)) {
      expect(isDate(chat.start_time)).toBe(true);
      n++;
    }
    const pages = [];
    for await (const page of dated.chats.listPages(NOVEMBER)) {
      for (const chat of page.items) expect(isDate(chat.start_time)).toBe(true);
      pages.push(page.items.length);
    }
    expect(pages.length, "more than one page (page size 10)").toBeGreaterThan(1);
    expect(n).toBe(pages.reduce((a, b) => a + b, 0));
    for await (const m of dated.offlineMessages.listAll(NOVEMBER)) expect(isDate(m.time)).toBe(true);
  });

  it(".withResponse() gives the converted data", async () => {
    const { dated } = clients();
    const { data, response } = await dated.visitors.list().withResponse();
    expect(response.status).toBe(200);
    expect(isDate(data[0]?.visit_time)).toBe(true);
  });

  it("the request style's data, from createComm100Client and from createComm100RequestClient", async () => {
    const { dated } = clients();
    const a = await dated.GET("/livechat/chats", { params: { query: NOVEMBER } });
    expect(isDate(a.data?.chats?.[0]?.start_time)).toBe(true);
    const req = createComm100RequestClient({ baseUrl: mock.url, ...DEFAULT_ACCOUNT, dates: "date" });
    const b = await req.GET("/livechat/visitors");
    expect(isDate(b.data?.[0]?.visit_time)).toBe(true);
    const c = await createComm100RequestClient({ baseUrl: mock.url, ...DEFAULT_ACCOUNT }).GET("/livechat/visitors");
    expect(typeof c.data?.[0]?.visit_time).toBe("string");
  });

  it('the default ("string") keeps the strings', async () => {
    const { plain } = clients();
    const chats = await plain.chats.list(NOVEMBER);
    expect(chats.chats![0]!.start_time).toMatch(/^\/Date\(\d+\)\/$/);
    const explicit = createComm100Client({ baseUrl: mock.url, ...DEFAULT_ACCOUNT, dates: "string" });
    expect(typeof (await explicit.visitors.list())[0]?.visit_time).toBe("string");
  });
});

describe('dates: "date" against a stub', () => {
  const client = (base: string) => createComm100Client({ baseUrl: base, email: EMAIL, apiKey: API_KEY, retry: false, dates: "date" });

  it("reads ISO 8601 answers (with Z, with an offset, without a zone: UTC) and keeps null and missing fields", async () => {
    const s = await startServer((_r, res) =>
      json(res, 200, {
        chats: [
          { id: "a", start_time: "2026-11-03T08:00:00Z", end_time: "2026-11-03T16:30:00+08:00", wrap_up: { time: "2026-11-03T08:45:00" } },
          { id: "b", start_time: "/Date(1793520491)/", end_time: null },
        ],
        pages: 1,
        total: 2,
      }),
    );
    const { chats } = await client(s.base).chats.list(NOVEMBER);
    expect(chats?.[0]?.start_time?.toISOString()).toBe("2026-11-03T08:00:00.000Z");
    expect(chats?.[0]?.end_time?.toISOString()).toBe("2026-11-03T08:30:00.000Z");
    expect(chats?.[0]?.wrap_up?.time?.toISOString()).toBe("2026-11-03T08:45:00.000Z");
    expect(chats?.[1]?.start_time?.toISOString()).toBe("2026-11-01T08:08:11.000Z");
    expect(chats?.[1]?.end_time).toBeNull();
    expect(chats?.[1]).not.toHaveProperty("wrap_up");
  });

  it("a `time` the spec does not mark as a date stays as it is (reports), even when it reads like one", async () => {
    const rows = [
      {
        agentId: 1,
        time: { from: "2026-11-01T00:00:00", to: "2026-11-02T00:00:00" },
        changeLogs: [
          { time: "/Date(1793520491)/", status: "online" },
          { time: "2026-11-01T08:00:00", status: "away" },
        ],
      },
    ];
    const s = await startServer((_r, res) => json(res, 200, rows));
    const report = await client(s.base).reports.getAgentStatus({ timeFrom: "2026-11-01T00:00:00", timeTo: "2026-11-02T00:00:00" });
    expect(report).toEqual(rows);
    // an offline message's `time` is a date: the same key, another schema
    s.handle((_r, res) => json(res, 200, { offline_messages: [{ id: "m", time: "2026-11-01T08:00:00Z" }], pages: 1, total: 1 }));
    const m = await client(s.base).offlineMessages.list(NOVEMBER);
    expect(m.offline_messages?.[0]?.time).toEqual(new Date("2026-11-01T08:00:00Z"));
  });

  it("an offline message alone or wrapped in the list envelope (the spec's oneOf): both converted", async () => {
    const s = await startServer((_r, res) => json(res, 200, { id: "m", time: "/Date(1793520491)/" }));
    const alone = await client(s.base).offlineMessages.get("m");
    expect("time" in alone && alone.time).toEqual(new Date(1793520491000));
    s.handle((_r, res) => json(res, 200, { offline_messages: [{ id: "m", time: "/Date(1793520491)/" }], pages: 1, total: 1 }));
    const wrapped = await client(s.base).offlineMessages.get("m");
    expect("offline_messages" in wrapped && wrapped.offline_messages?.[0]?.time).toEqual(new Date(1793520491000));
  });

  it("a value that is not a date throws Comm100InvalidResponseError naming the call and the field, in both styles", async () => {
    const s = await startServer((_r, res) =>
      json(res, 200, {
        chats: [
          { id: "a", start_time: "/Date(1793520491)/" },
          { id: "b", start_time: "yesterday" },
        ],
        pages: 1,
        total: 2,
      }),
    );
    const c = client(s.base);
    const err = await c.chats.list(NOVEMBER).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Comm100InvalidResponseError);
    const e = err as Comm100InvalidResponseError;
    expect(e.message).toContain("chats.list");
    expect(e.message).toContain("`chats[1].start_time`");
    expect(e.message).toContain('"yesterday"');
    expect(e.status).toBe(200);
    expect(e.body).toContain("yesterday");

    const viaAll = await (async () => {
      for await (const _ of c.chats.listAll(NOVEMBER));
    })().catch((x: unknown) => x);
    expect(viaAll).toBeInstanceOf(Comm100InvalidResponseError);

    const rs = await c.GET("/livechat/chats", { params: { query: NOVEMBER } }).catch((x: unknown) => x);
    expect(rs).toBeInstanceOf(Comm100InvalidResponseError);
    expect((rs as Error).message).toContain("GET /livechat/chats: `chats[1].start_time`");

    // not a string at all, and an impossible day
    for (const bad of [1793520491, { when: 1 }, "2026-02-30T00:00:00Z"]) {
      s.handle((_r, res) => json(res, 200, { id: "v", visit_time: bad }));
      const x = await c.visitors.get("v").catch((y: unknown) => y);
      expect(x, JSON.stringify(bad)).toBeInstanceOf(Comm100InvalidResponseError);
      expect((x as Error).message).toContain("`visit_time`");
    }
  });

  it("the API key never reaches the message, even when the bad value echoes it", async () => {
    const s = await startServer((_r, res) => json(res, 200, { id: "v", visit_time: `x${API_KEY}` }));
    const err = (await client(s.base)
      .visitors.get("v")
      .catch((e: unknown) => e)) as Comm100InvalidResponseError;
    expect(err).toBeInstanceOf(Comm100InvalidResponseError);
    expect(err.message).not.toContain(API_KEY);
    expect(String(err.body)).not.toContain(API_KEY);
  });

  it("parts not shaped as the spec says are left alone (converting dates is not validating the body)", async () => {
    const s = await startServer((_r, res) => json(res, 200, { chats: "none", pages: 0, total: 0 }));
    const r = await client(s.base).GET("/livechat/chats", { params: { query: NOVEMBER } });
    expect(r.data).toEqual({ chats: "none", pages: 0, total: 0 });
  });
});

describe("the dates option and table", () => {
  it("an invalid `dates` throws Comm100ConfigError naming the field", () => {
    for (const bad of ["Date", true, 1, null]) {
      const make = () => createComm100Client({ baseUrl: "http://127.0.0.1:1/api/v1", email: EMAIL, apiKey: API_KEY, dates: bad as "date" });
      expect(make, String(bad)).toThrow(Comm100ConfigError);
      expect(make, String(bad)).toThrow(/`dates` must be "string" or "date"/);
      expect(() => createComm100RequestClient({ email: EMAIL, apiKey: API_KEY, dates: bad as "date" })).toThrow(Comm100ConfigError);
    }
  });

  it("the generated table holds the operations with dates (keyed by METHOD path)", () => {
    expect(Object.keys(RESPONSE_DATES)).toEqual(
      expect.arrayContaining([
        "GET /livechat/chats",
        "GET /livechat/chats/{id}",
        "GET /livechat/visitors",
        "GET /livechat/offline_messages",
      ]),
    );
    expect(RESPONSE_DATES["GET /livechat/chats"]).toEqual({ chats: [{ start_time: 1, end_time: 1, wrap_up: { time: 1 } }] });
    expect(Object.keys(RESPONSE_DATES).some((k) => k.includes("/reports/"))).toBe(false);
  });
});
