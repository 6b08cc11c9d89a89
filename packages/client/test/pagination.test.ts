// Async iterators over the paginated lists (operations with a `page` query parameter).
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "../src/generated/operations.js";
import { clientFor, json, startServer } from "./helpers.js";

/** A server with 3 pages of `key` items (2, 2, 1). */
const pagedServer = (key: string) =>
  startServer((r, res) => {
    const page = Number(r.query.get("page") ?? "1");
    const items = [[{ id: "a" }, { id: "b" }], [{ id: "c" }, { id: "d" }], [{ id: "e" }]][page - 1] ?? [];
    json(res, 200, { [key]: items, pages: 3, total: 5 });
  });

describe("pagination", () => {
  it("the spec's paginated operations are chats.list and offlineMessages.list", () => {
    expect(OPERATIONS.filter((r) => r.itemsKey).map((r) => `${r.ns}.${r.name}:${r.itemsKey}`)).toEqual([
      "chats.list:chats",
      "offlineMessages.list:offline_messages",
    ]);
  });

  it("chats.listAll follows page until pages, keeping the filters", async () => {
    const s = await pagedServer("chats");
    const ids: string[] = [];
    for await (const chat of clientFor(s).chats.listAll({ date_from: "2013-06-27", date_to: "2013-09-27" })) ids.push(chat.id!);
    expect(ids).toEqual(["a", "b", "c", "d", "e"]);
    expect(s.requests.map((r) => Object.fromEntries(r.query))).toEqual(
      [1, 2, 3].map((p) => ({ date_from: "2013-06-27", date_to: "2013-09-27", page: String(p) })),
    );
  });

  it("offlineMessages.listAll works the same", async () => {
    const s = await pagedServer("offline_messages");
    const ids: unknown[] = [];
    for await (const m of clientFor(s).offlineMessages.listAll()) ids.push(m.id);
    expect(ids).toEqual(["a", "b", "c", "d", "e"]);
    expect(s.requests).toHaveLength(3);
  });

  it("starts at a given page, and stops early when the loop breaks", async () => {
    const s = await pagedServer("chats");
    const ids: string[] = [];
    for await (const chat of clientFor(s).chats.listAll({ page: 2 })) {
      ids.push(chat.id!);
      if (ids.length === 1) break;
    }
    expect(ids).toEqual(["c"]);
    expect(s.requests).toHaveLength(1);
  });

  it("stops on an empty page even if pages says more", async () => {
    const s = await startServer((_r, res) => json(res, 200, { chats: [], pages: 9, total: 0 }));
    const all = [];
    for await (const c of clientFor(s).chats.listAll()) all.push(c);
    expect(all).toEqual([]);
    expect(s.requests).toHaveLength(1);
  });

  it("errors surface from the iterator", async () => {
    const s = await startServer((_r, res) => json(res, 401, { code: 401000, message: "bad key" }));
    const it = clientFor(s).chats.listAll();
    await expect(it.next()).rejects.toMatchObject({ status: 401 });
  });
});
