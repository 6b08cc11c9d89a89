// Regression: pagination trusted the envelope: an items key that is not an array gave a raw
// TypeError, and `pages: 1e308` never ended. The envelope is now checked (items an array, `pages` a
// whole number up to 1e6) and the first answer's `pages` bounds the walk.
import { describe, expect, it } from "vitest";
import { Comm100InvalidResponseError } from "../../src/index.js";
import { clientFor, json, startServer } from "../helpers.js";

const chats = (n: number) => Array.from({ length: 2 }, (_, i) => ({ id: `${n}-${i}` }));

describe("bug: pagination trusts the server", () => {
  const bad: [string, unknown][] = [
    ["items not an array", { chats: "nope", pages: 2, total: 4 }],
    ["items an object", { chats: { length: 3 }, pages: 2, total: 4 }],
    ["pages 1e308", { chats: chats(1), pages: 1e308, total: 4 }],
    ["pages Infinity-like string", { chats: chats(1), pages: "Infinity", total: 4 }],
    ["pages negative", { chats: chats(1), pages: -1, total: 4 }],
    ["pages fractional", { chats: chats(1), pages: 2.5, total: 4 }],
    ["no envelope at all", null],
  ];
  for (const [name, body] of bad) {
    it(`${name} -> Comm100InvalidResponseError naming the call and page`, async () => {
      const s = await startServer((_r, res) => json(res, 200, body));
      const got: unknown[] = [];
      const err = await (async () => {
        for await (const c of clientFor(s).chats.listAll()) got.push(c);
      })().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Comm100InvalidResponseError);
      expect((err as Error).message).toMatch(/^chats\.listAll: page 1 is not a page envelope/);
      expect(got).toEqual([]);
    });
  }

  it("a server that raises `pages` on every answer is followed only to the first answer's `pages`", async () => {
    const s = await startServer((r, res) => {
      const page = Number(r.query.get("page"));
      json(res, 200, { chats: chats(page), pages: page + 2, total: 1e6 });
    });
    const ids: string[] = [];
    for await (const c of clientFor(s).chats.listAll()) ids.push(c.id!);
    expect(s.requests.map((r) => r.query.get("page"))).toEqual(["1", "2", "3"]);
    expect(ids).toHaveLength(6);
  });
});
