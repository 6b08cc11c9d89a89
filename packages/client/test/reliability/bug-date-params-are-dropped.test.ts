// Regression: a `Date` passed for a date parameter was dropped by the query serializer:
// `chats.list({ date_from: new Date() })` sent no `date_from` (the user silently got today's chats),
// `reports.getChatVolume({ timeFrom: new Date(), ... })` sent `?&timeTo=...`. A Date is now written
// in the field's declared format (UTC, or the call's `timezone` offset) or refused, in both styles.
import { describe, expect, it } from "vitest";
import { Comm100ConfigError } from "../../src/index.js";
import { clientFor, startServer } from "../helpers.js";

const at = new Date(Date.UTC(2024, 0, 31, 22, 30, 5, 900)); // 2024-01-31T22:30:05.900Z

describe("bug: Date parameters are dropped", () => {
  it("chats.list: date_from/date_to as UTC days", async () => {
    const s = await startServer();
    await clientFor(s).chats.list({ date_from: at, date_to: new Date(Date.UTC(2024, 1, 2)) });
    expect(s.requests[0]!.rawQuery).toBe("date_from=2024-01-31&date_to=2024-02-02");
  });

  it("reports.getChatVolume: timeFrom/timeTo as UTC date-times, or in the call's timezone", async () => {
    const s = await startServer();
    const c = clientFor(s);
    await c.reports.getChatVolume({ timeFrom: at, timeTo: at, group: "day" });
    await c.reports.getChatVolume({ timeFrom: at, timeTo: "2024-02-01T00:00:00", timezone: "+08:00", group: "day" });
    await c.reports.getChatVolume({ timeFrom: at, timeTo: at, timezone: "-0530", group: "day" });
    expect(s.requests.map((r) => [r.query.get("timeFrom"), r.query.get("timeTo")])).toEqual([
      ["2024-01-31T22:30:05", "2024-01-31T22:30:05"],
      ["2024-02-01T06:30:05", "2024-02-01T00:00:00"],
      ["2024-01-31T17:00:05", "2024-01-31T17:00:05"],
    ]);
  });

  it("request style: the same rule", async () => {
    const s = await startServer();
    await clientFor(s).GET("/livechat/chats", { params: { query: { date_from: at as never, page: 2 } } });
    expect(s.requests[0]!.rawQuery).toBe("date_from=2024-01-31&page=2");
  });

  it("a Date that cannot be written is refused with a Comm100ConfigError naming the call and field, nothing sent", async () => {
    const s = await startServer();
    const c = clientFor(s);
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => c.chats.list({ date_from: new Date(Number.NaN) }), /^chats\.list: query parameter `date_from` .*invalid Date/],
      [() => c.chats.list({ date_from: new Date(Date.UTC(12000, 0, 1)) }), /`date_from` .*0000-9999/],
      [() => c.chats.list({ keyword: at as never }), /^chats\.list: query parameter `keyword` does not take a Date/],
      [() => c.reports.getChatVolume({ timeFrom: at, timeTo: at, timezone: "Europe/Paris", group: "day" }), /`timeFrom` .*timezone/],
      [() => c.departments.create({ name: at as never }), /^departments\.create: form parameter `name` does not take a Date/],
      [
        () => c.GET("/livechat/chats", { params: { query: { keyword: at as never } } }),
        /^GET \/livechat\/chats: query parameter `keyword`/,
      ],
    ];
    for (const [call, message] of cases) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Comm100ConfigError);
      expect((err as Error).message).toMatch(message);
    }
    expect(s.requests).toEqual([]);
  });
});
