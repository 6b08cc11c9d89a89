// The request style: openapi-fetch semantics (data / error / response), path encoding, throwOnError.
import { describe, expect, it } from "vitest";
import { Comm100ApiError, Comm100NotFoundError } from "../src/index.js";
import { clientFor, json, startServer } from "./helpers.js";

describe("request style", () => {
  it("GET returns { data, response } for a 2xx", async () => {
    const s = await startServer((_r, res) => json(res, 200, { id: 7, email: "x@y.z" }));
    const comm100 = clientFor(s);
    const { data, error, response } = await comm100.GET("/livechat/operators/{email}", { params: { path: { email: "x@y.z" } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.id).toBe(7);
  });

  it("an email in a path arrives intact (percent-encoded on the wire)", async () => {
    const s = await startServer();
    const comm100 = clientFor(s);
    const email = "roy+test/dev@comm100.com";
    await comm100.GET("/livechat/operators/{email}", { params: { path: { email } } });
    await comm100.agents.get(email);
    for (const r of s.requests) {
      expect(r.path).toBe(`/api/v1/livechat/operators/${encodeURIComponent(email)}`);
      expect(decodeURIComponent(r.path.split("/").pop()!)).toBe(email);
    }
  });

  it("returns the typed { code, message } error without throwing by default", async () => {
    const s = await startServer((_r, res) => json(res, 404, { code: 404000, message: "Agent not found." }));
    const { data, error, response } = await clientFor(s).GET("/livechat/operators/{email}", { params: { path: { email: "n@x.y" } } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual({ code: 404000, message: "Agent not found." });
  });

  it("throwOnError: true makes it throw the typed error", async () => {
    const s = await startServer((_r, res) => json(res, 404, { code: 404000, message: "Agent not found." }));
    const comm100 = clientFor(s, { throwOnError: true });
    const err = await comm100.GET("/livechat/operators/{email}", { params: { path: { email: "n@x.y" } } }).catch((e) => e);
    expect(err).toBeInstanceOf(Comm100NotFoundError);
    expect(err).toBeInstanceOf(Comm100ApiError);
    expect(err.url).toBe(`${s.base}/livechat/operators/n%40x.y`);
    expect(err.method).toBe("GET");
  });

  it("POST bodies use the operation's content type in the request style too", async () => {
    const s = await startServer();
    await clientFor(s).POST("/livechat/operators", {
      body: {
        email: "kelly@comm100.com",
        password: "p",
        display_name: "Kelly",
        first_name: "K",
        last_name: "B",
        departments: [1, 2],
        is_admin: false,
        is_active: true,
        max_chats_count: 2,
      },
    });
    const r = s.requests[0]!;
    expect(r.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(r.body.toString()).toBe(
      "email=kelly%40comm100.com&password=p&display_name=Kelly&first_name=K&last_name=B&departments=1,2&is_admin=false&is_active=true&max_chats_count=2",
    );
  });

  it("query parameters are serialised", async () => {
    const s = await startServer((_r, res) => json(res, 200, { chats: [], pages: 0, total: 0 }));
    await clientFor(s).GET("/livechat/chats", { params: { query: { date_from: "2013-06-27", keyword: "a b&c", page: 2 } } });
    const q = s.requests[0]!.query;
    expect(Object.fromEntries(q)).toEqual({ date_from: "2013-06-27", keyword: "a b&c", page: "2" });
  });

  it("middleware runs (and never sees the Authorization header)", async () => {
    const s = await startServer();
    const seen: (string | null)[] = [];
    const comm100 = clientFor(s, {
      middleware: [
        {
          onRequest({ request }) {
            seen.push(request.headers.get("authorization"));
            request.headers.set("x-trace", "t1");
            return request;
          },
        },
      ],
    });
    await comm100.agents.list();
    expect(seen).toEqual([null]);
    expect(s.requests[0]!.headers["x-trace"]).toBe("t1");
    expect(s.requests[0]!.headers.authorization).toMatch(/^Basic /);
  });

  it("the same call gives the same wire request with and without middleware (direct path and openapi-fetch path)", async () => {
    const s = await startServer((_r, res) => json(res, 200, { id: 1 }));
    const pass = { onRequest: ({ request }: { request: Request }) => request };
    const init = {
      params: { path: { email: "a b@x.y" }, query: { keyword: "k&v" } },
      body: { display_name: "A B", departments: [1, 2] },
      headers: { "x-extra": "1" },
    };
    for (const c of [clientFor(s), clientFor(s, { middleware: [pass] })]) {
      const { data, response } = await c.PUT("/livechat/operators/{email}", init as never);
      expect(data).toEqual({ id: 1 });
      expect(response.url).toBe(`${s.base}/livechat/operators/a%20b%40x.y?keyword=k%26v`);
    }
    const [a, b] = s.requests;
    for (const k of ["method", "path", "body"] as const) expect(a![k]).toEqual(b![k]);
    for (const h of ["content-type", "authorization", "x-extra"]) expect(a!.headers[h]).toBe(b!.headers[h]);
    expect(a!.body.toString()).toBe("display_name=A+B&departments=1,2");
  });

  it("a per-call fetch (openapi-fetch's option) goes through the transport: Authorization added, retried", async () => {
    const s = await startServer();
    const seen: (string | null)[] = [];
    let n = 0;
    const fetch = async (req: Request) => {
      seen.push(req.headers.get("authorization"));
      return ++n === 1 ? new Response("{}", { status: 503 }) : new Response("[]", { status: 200 });
    };
    const { data } = await clientFor(s).GET("/livechat/operators", { fetch } as never);
    expect(data).toEqual([]);
    expect(seen).toHaveLength(2);
    for (const a of seen) expect(a).toMatch(/^Basic /);
    expect(s.requests).toHaveLength(0);
  });
});
