// The seeded account: deterministic for a seed and a day, realistic and valid against the spec's
// schemas, relations consistent; users' own data loads instead (and bad data fails at start).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAjv2020, createMockServer, loadDefaultSpec } from "../../src/index.js";
import { COLLECTIONS, RECORD_SCHEMAS } from "../../src/state/data.js";
import { api } from "./api.js";

const spec = loadDefaultSpec();
const ajv = createAjv2020({ strict: false, allErrors: true });
ajv.addSchema(spec, "spec");

async function snapshotOf(options: Parameters<typeof createMockServer>[0]) {
  const mock = await createMockServer(options);
  try {
    return mock.snapshot().data!;
  } finally {
    await mock.close();
  }
}

describe("seeded data", () => {
  it("is the same for the same seed and day, and differs for another seed", async () => {
    const a = await snapshotOf({ now: "2026-12-02T01:00:00Z" });
    const b = await snapshotOf({ now: "2026-12-02T23:00:00Z" });
    const other = await snapshotOf({ now: "2026-12-02T01:00:00Z", seed: 2 });
    expect(b).toEqual(a);
    expect(other.chats[0]!.id).not.toBe(a.chats[0]!.id);
  });

  // reset() copies the day's seeded records instead of seeding again: the copy must be the seed's
  // records (not what the writes made of them), and another UTC day must seed anew
  it("reset gives back the day's seeded records after writes, and after the clock changes day, that day's", async () => {
    const fresh = await snapshotOf({ now: "2026-12-02T10:00:00Z" });
    const nextDay = await snapshotOf({ now: "2026-12-03T10:00:00Z" });
    expect(nextDay.chats[0]!.start_time).not.toBe(fresh.chats[0]!.start_time);
    const mock = await createMockServer({ now: "2026-12-02T10:00:00Z" });
    try {
      const c = api(mock.url);
      for (let round = 0; round < 2; round++) {
        await c.post("/livechat/departments", { name: `Round ${round}` });
        expect(mock.snapshot().data!).not.toEqual(fresh);
        mock.reset();
        expect(mock.snapshot().data!).toEqual(fresh);
      }
      mock.clock.set("2026-12-03T10:00:00Z");
      mock.reset();
      expect(mock.snapshot().data!).toEqual(nextDay);
    } finally {
      await mock.close();
    }
  });

  it("every record validates against its schema; a few hundred chats over the 90 days before today", async () => {
    const data = await snapshotOf({ now: "2026-12-02T12:00:00Z" });
    for (const c of COLLECTIONS) {
      const validate = ajv.compile({ $ref: `spec#/components/schemas/${RECORD_SCHEMAS[c]}` });
      expect(data[c].length, c).toBeGreaterThan(0);
      for (const r of data[c]) expect(validate(r), `${c}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(data.chats.length).toBeGreaterThanOrEqual(300);
    expect(data.offlineMessages.length).toBeGreaterThanOrEqual(100);
    const today = Date.UTC(2026, 11, 2) / 1000;
    for (const chat of data.chats) {
      const t = Number(chat.start_time!.slice(6, -2));
      expect(t).toBeGreaterThanOrEqual(today - 90 * 86_400);
      expect(t).toBeLessThan(today);
      expect(chat.chat_transcript).toMatch(/^Operator .+ has joined the chat\.\n\[\d\d:\d\d:\d\d\] /);
      expect(data.departments.map((d) => d.name)).toContain(chat.department);
    }
    for (const d of data.departments) {
      for (const m of d.members!) expect(data.agents.find((a) => a.id === m)!.departments).toContain(d.id);
    }
    for (const a of data.agents)
      for (const id of a.departments!) expect(data.departments.find((d) => d.id === id)!.members).toContain(a.id);
  });
});

describe("users' own data", () => {
  const own = {
    departments: [{ id: 7, name: "Helpdesk", members: [1] }],
    agents: [{ id: 1, email: "me@example.com", display_name: "Me" }],
    chats: [
      { id: "11111111-1111-4111-8111-111111111111", department: "Helpdesk", start_time: "/Date(1796112000)/", chat_transcript: "hello" },
    ],
  };

  it("loads from an object and from a JSON file; memberships are completed both ways; new ids follow", async () => {
    const dir = mkdtempSync(join(tmpdir(), "comm100-mock-data-"));
    try {
      const file = join(dir, "data.json");
      writeFileSync(file, JSON.stringify(own));
      for (const data of [own, file]) {
        const mock = await createMockServer({ data, now: "2026-12-01T12:00:00Z" });
        try {
          const c = api(mock.url);
          expect((await c.get("/livechat/operators")).json).toEqual([
            { id: 1, email: "me@example.com", display_name: "Me", departments: [7] },
          ]);
          expect((await c.get("/livechat/chats")).json.total).toBe(1);
          expect((await c.get("/livechat/campaigns")).json).toEqual([]);
          expect((await c.post("/livechat/departments", { name: "Second" })).json.id).toBe(8);
          mock.reset();
          expect((await c.get("/livechat/departments")).json).toHaveLength(1);
        } finally {
          await mock.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a snapshot loads back as data", async () => {
    const first = await createMockServer({ now: "2026-12-01T12:00:00Z" });
    await api(first.url).post("/livechat/departments", { name: "Kept" });
    const snap = first.snapshot();
    await first.close();
    const second = await createMockServer({ data: snap as never, now: "2026-12-01T12:00:00Z" });
    try {
      expect(((await api(second.url).get("/livechat/departments")).json as Array<{ name: string }>).map((d) => d.name)).toContain("Kept");
    } finally {
      await second.close();
    }
  });

  it("bad data fails at start, naming the record", async () => {
    await expect(createMockServer({ data: { departments: [{ id: "x", name: "A" }] } as never })).rejects.toThrow(
      /data\.departments\[0\] is not a valid Department/,
    );
    await expect(
      createMockServer({
        data: {
          departments: [
            { id: 1, name: "A" },
            { id: 1, name: "B" },
          ],
        },
      }),
    ).rejects.toThrow(/repeats id 1/);
    await expect(createMockServer({ data: { tickets: [] } as never })).rejects.toThrow(/unknown collections: tickets/);
  });
});
