// `.withResponse()` / `.asResponse()` on resource calls, and the page iterator `xxxPages()`.
import { describe, expect, it } from "vitest";
import { Comm100NotFoundError, Comm100Promise } from "../src/index.js";
import { clientFor, json, startServer } from "./helpers.js";

describe("resource calls give the raw Response on request", () => {
  it("await gives the data; withResponse() the data with status, headers and url; one request for both", async () => {
    const s = await startServer((_r, res) => json(res, 200, [{ id: 7, name: "Sales" }], { "x-request-id": "r-1" }));
    const call = clientFor(s).departments.list();
    expect(call).toBeInstanceOf(Promise);
    expect(call).toBeInstanceOf(Comm100Promise);
    const { data, response } = await call.withResponse();
    expect(data).toEqual([{ id: 7, name: "Sales" }]);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("r-1");
    expect(response.url).toBe(`${s.base}/livechat/departments`);
    expect(await call).toEqual(data);
    expect(s.requests).toHaveLength(1);
    await s.close();
  });

  it("asResponse() gives the Response; then/catch/finally behave like a Promise's", async () => {
    const s = await startServer((_r, res) => json(res, 200, { id: 3, name: "Support" }));
    const comm100 = clientFor(s);
    const response = await comm100.departments.get(3).asResponse();
    expect(response.status).toBe(200);
    const names: string[] = [];
    await comm100.departments
      .get(3)
      .then((d) => names.push(d.name))
      .finally(() => names.push("done"));
    expect(names).toEqual(["Support", "done"]);
    await s.close();
  });

  it("a failed call rejects await, withResponse() and asResponse() with the same typed error, and only once", async () => {
    const s = await startServer((_r, res) => json(res, 404, { code: 404001, message: "no such department" }));
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      const comm100 = clientFor(s);
      await expect(comm100.departments.get(9)).rejects.toBeInstanceOf(Comm100NotFoundError);
      await expect(comm100.departments.get(9).withResponse()).rejects.toMatchObject({ status: 404, code: 404001 });
      await expect(comm100.departments.get(9).asResponse()).rejects.toBeInstanceOf(Comm100NotFoundError);
      await expect(comm100.departments.get(9).catch((e: Error) => e.name)).resolves.toBe("Comm100NotFoundError");
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
      await s.close();
    }
  });
});

describe("listPages", () => {
  const pagedServer = (key = "chats") =>
    startServer((r, res) => {
      const page = Number(r.query.get("page") ?? "1");
      const items = [[{ id: "a" }, { id: "b" }], [{ id: "c" }, { id: "d" }], [{ id: "e" }]][page - 1] ?? [];
      json(res, 200, { [key]: items, pages: 3, total: 5 });
    });

  it("yields each page with its items, page, pages, total and Response, lazily", async () => {
    const s = await pagedServer();
    const seen: unknown[] = [];
    const pages = clientFor(s).chats.listPages({ date_from: "2026-11-01" });
    expect(s.requests).toHaveLength(0); // nothing is fetched before the loop asks
    for await (const p of pages)
      seen.push({ ids: p.items.map((c) => c.id), page: p.page, pages: p.pages, total: p.total, status: p.response.status });
    expect(seen).toEqual([
      { ids: ["a", "b"], page: 1, pages: 3, total: 5, status: 200 },
      { ids: ["c", "d"], page: 2, pages: 3, total: 5, status: 200 },
      { ids: ["e"], page: 3, pages: 3, total: 5, status: 200 },
    ]);
    expect(s.requests.map((r) => r.query.get("page"))).toEqual(["1", "2", "3"]);
    await s.close();
  });

  it("honours the signal: an abort while paging rejects with its reason and fetches no more", async () => {
    const s = await pagedServer("offline_messages");
    const ctl = new AbortController();
    const got: number[] = [];
    const run = async () => {
      for await (const p of clientFor(s).offlineMessages.listPages({}, { signal: ctl.signal })) {
        got.push(p.page);
        ctl.abort(new Error("stop here"));
      }
    };
    await expect(run()).rejects.toThrow("stop here");
    expect(got).toEqual([1]);
    expect(s.requests).toHaveLength(1);
    await s.close();
  });
});
