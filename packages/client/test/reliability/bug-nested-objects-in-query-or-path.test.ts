// Regression: a nested object as a query value threw a plain `Error`, and as a path value was sent
// as `[object Object]`. Objects, arrays, functions and non-finite numbers cannot be sent in a path,
// query or form field: Comm100ConfigError naming the call and the field, nothing sent.
import { describe, expect, it } from "vitest";
import { Comm100ConfigError } from "../../src/index.js";
import { clientFor, startServer } from "../helpers.js";

describe("bug: nested objects in the query or path", () => {
  it("refused in both styles with the call and field named", async () => {
    const s = await startServer();
    const c = clientFor(s);
    const cases: [() => Promise<unknown>, string][] = [
      [() => c.agents.list({ filter: { a: 1 } } as never), "agents.list: query parameter `filter` cannot be sent in the query: an object"],
      [() => c.chats.list({ page: [1, 2] as never }), "chats.list: query parameter `page` cannot be sent in the query: an array"],
      [() => c.chats.list({ page: Number.NaN }), "chats.list: query parameter `page` cannot be sent in the query: NaN"],
      [() => c.agents.get({ a: 1 } as never), "agents.get: path parameter `email` cannot be sent in the path: an object"],
      [
        () => c.departments.create({ name: "x", description: { a: 1 } as never }),
        "departments.create: form parameter `description` cannot be sent in the form: an object",
      ],
      [
        () => c.departments.create({ name: "x", members: [{ a: 1 }] as never }),
        "departments.create: form parameter `members` cannot be sent in the form: an object",
      ],
      [
        () => c.GET("/livechat/operators", { params: { query: { filter: { a: 1 } } as never } }),
        "GET /livechat/operators: query parameter `filter`",
      ],
      [
        () => c.GET("/livechat/operators/{email}", { params: { path: { email: { a: 1 } as never } } }),
        "GET /livechat/operators/{email}: path parameter `email`",
      ],
    ];
    for (const [call, message] of cases) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Comm100ConfigError);
      expect((err as Error).message).toContain(message);
    }
    expect(s.requests).toEqual([]);
  });
});
