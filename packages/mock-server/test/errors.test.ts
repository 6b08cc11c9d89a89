// Auth, validation messages, routing errors, body parsing and the Prefer rules.
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { coerceForm, parseForm, parsePrefer, parseQuery } from "../src/parse.js";
import { call, isErrorBody, useMockServer } from "./helpers.js";

const REPORT = "/livechat/reports/chatVolume";
const REPORT_QUERY = "timeFrom=2017-12-01T00:00:00&timeTo=2018-01-01T00:00:00&group=day";
const basic = (s: string) => `Basic ${Buffer.from(s, "utf8").toString("base64")}`;
const FORM = { "content-type": "application/x-www-form-urlencoded" };

describe("errors and rules", () => {
  const mock = useMockServer();
  const get = (path: string, headers: Record<string, string> = {}, auth = true) => call(`${mock.url}${path}`, { headers, auth });

  describe("Basic auth", () => {
    it.each([
      ["no header", undefined],
      ["another scheme", "Bearer abc"],
      ["Basic without credentials", "Basic"],
      ["bad base64", "Basic !!!notbase64"],
      ["no colon", basic("agent@example.com")],
      ["empty email", basic(":key")],
      ["empty key", basic("agent@example.com:")],
      ["credentials not UTF-8", `Basic ${Buffer.from([0x61, 0x3a, 0xff, 0xfe]).toString("base64")}`],
    ])("%s -> 401 with the Comm100 error body", async (_name, authorization) => {
      const res = await call(`${mock.url}/livechat/operators`, { auth: false, headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(isErrorBody(res.json, 401)).toBe(true);
      expect((res.json as { code: number }).code).toBe(401000);
      expect(res.headers.get("www-authenticate")).toMatch(/^Basic/);
    });

    it("accepts any email/key pair, including non-ASCII ones sent as UTF-8", async () => {
      expect((await get("/livechat/operators", { authorization: basic("x@y.z:k") }, false)).status).toBe(200);
      expect((await get("/livechat/operators", { authorization: basic("zoë@exämple.com:ключ:with:colons") }, false)).status).toBe(200);
      expect((await get("/livechat/operators", { authorization: `basic ${Buffer.from("a:b").toString("base64")}` }, false)).status).toBe(
        200,
      );
    });

    it("auth comes before validation and Prefer", async () => {
      expect((await get(REPORT, {}, false)).status).toBe(401);
      expect((await get("/livechat/operators", { prefer: "code=500" }, false)).status).toBe(401);
    });
  });

  describe("validation", () => {
    it("names a missing required query parameter", async () => {
      const res = await get(`${REPORT}?timeTo=2018-01-01T00:00:00&group=day`);
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ code: 400000, message: "Parameter 'timeFrom' is required." });
    });

    it("names a path parameter of the wrong type", async () => {
      const res = await get("/livechat/departments/abc");
      expect(res.status).toBe(400);
      expect((res.json as { code: number }).code).toBe(400000);
      expect((res.json as { message: string }).message).toMatch(/^Parameter 'id' must be integer/);
      expect((await get("/livechat/departments/3")).status).toBe(200);
    });

    it("names a query value outside its pattern or enum", async () => {
      const bad = await get(`${REPORT}?timeFrom=yesterday&timeTo=2018-01-01T00:00:00&group=day`);
      expect(bad.status).toBe(400);
      expect((bad.json as { message: string }).message).toContain("'timeFrom'");
      const group = await get(`${REPORT}?timeFrom=2017-12-01T00:00:00&timeTo=2018-01-01T00:00:00&group=year`);
      expect(group.status).toBe(400);
      expect((group.json as { message: string }).message).toMatch(/^Parameter 'group' must be one of: /);
    });

    it("reads timezone=+08:00 (unencoded, as the docs send it) and %2B08:00 alike", async () => {
      expect((await get(`${REPORT}?${REPORT_QUERY}&timezone=+08:00`)).status).toBe(200);
      expect((await get(`${REPORT}?${REPORT_QUERY}&timezone=%2B08:00`)).status).toBe(200);
      expect(parseQuery("timezone=+08:00&keyword=live+chat")).toEqual({ timezone: "+08:00", keyword: "live chat" });
    });

    it("ignores undeclared query parameters, as the real API does", async () => {
      expect((await get("/livechat/chats?keywords=comm100&whatever=1")).status).toBe(200);
    });

    it("coerces form fields to the schema: comma lists, integers, booleans", async () => {
      const ok = await call(`${mock.url}/livechat/operators`, {
        method: "POST",
        headers: FORM,
        body: "email=a%40b.c&password=p&display_name=A&first_name=A&last_name=B&departments=1,2&max_chats_count=5&is_admin=true",
      });
      expect(ok.status, ok.text).toBe(200);
      const bad = await call(`${mock.url}/livechat/operators`, {
        method: "POST",
        headers: FORM,
        body: "email=a%40b.c&password=p&display_name=A&first_name=A&last_name=B&departments=1,x",
      });
      expect(bad.status).toBe(400);
      expect((bad.json as { message: string }).message).toBe("Parameter 'departments[1]' must be integer.");
      const count = await call(`${mock.url}/livechat/operators`, {
        method: "POST",
        headers: FORM,
        body: "email=a%40b.c&password=p&display_name=A&first_name=A&last_name=B&max_chats_count=many",
      });
      expect((count.json as { message: string }).message).toBe("Parameter 'max_chats_count' must be integer.");
      const missing = await call(`${mock.url}/livechat/operators`, { method: "POST", headers: FORM, body: "password=p" });
      expect(missing.status).toBe(400);
      expect((missing.json as { message: string }).message).toMatch(/^Parameter '\w+' is required\.$/);
      const empty = await call(`${mock.url}/livechat/operators`, { method: "POST", headers: FORM });
      expect(empty.json).toEqual({ code: 400000, message: "The request body is required." });
    });

    it("accepts undeclared form fields (the docs send member= for members)", async () => {
      const res = await call(`${mock.url}/livechat/departments`, { method: "POST", headers: FORM, body: "name=sales&member=1,2,11" });
      expect(res.status, res.text).toBe(200);
    });

    it("accepts a JSON object for a form operation, with the same coercion", async () => {
      const res = await call(`${mock.url}/livechat/departments`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "sales", members: "1,2" }),
      });
      expect(res.status, res.text).toBe(200);
      const typed = await call(`${mock.url}/livechat/departments`, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify({ name: "sales", members: [1, 2] }),
      });
      expect(typed.status, typed.text).toBe(200);
    });

    it("validates the JSON array of PUT /visitors/{id}", async () => {
      const url = `${mock.url}/livechat/visitors/7273e957-02cb-4c03-a84c-44283fcfd47d`;
      const json = { "content-type": "application/json" };
      expect((await call(url, { method: "PUT", headers: json, body: '[{"name":"a","value":"b"}]' })).status).toBe(200);
      const notArray = await call(url, { method: "PUT", headers: json, body: '{"name":"a"}' });
      expect(notArray.status).toBe(400);
      expect((notArray.json as { message: string }).message).toBe("The request body must be array.");
    });
  });

  describe("routing", () => {
    it("unknown routes -> 404 with the error body", async () => {
      for (const path of ["/livechat/nothing", "/", "/livechat/operators/a/b/c"]) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
        expect(isErrorBody(res.json, 404)).toBe(true);
      }
      const outside = await call(`${new URL(mock.url).origin}/livechat/operators`);
      expect(outside.status).toBe(404);
      expect((outside.json as { code: number }).code).toBe(404000);
    });

    it("a wrong method on a known path -> 405 with Allow and the error body", async () => {
      const res = await call(`${mock.url}/livechat/operators`, { method: "PATCH" });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, POST");
      expect(isErrorBody(res.json, 405)).toBe(true);
    });

    it("answers a CORS preflight", async () => {
      const res = await call(`${mock.url}/livechat/operators`, {
        method: "OPTIONS",
        auth: false,
        headers: { origin: "http://localhost:3000", "access-control-request-method": "GET" },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-headers")).toContain("authorization");
    });
  });

  describe("malformed bodies never crash the server", () => {
    const post = (body: string | Uint8Array<ArrayBuffer>, contentType: string) =>
      call(`${mock.url}/livechat/departments`, { method: "POST", headers: { "content-type": contentType }, body });

    it.each([
      ["invalid JSON", "{name: sales", "application/json", 400],
      ["JSON null", "null", "application/json", 400],
      ["invalid form encoding", "name=%E0%A4%A&x=%zz", "application/x-www-form-urlencoded", 400],
      ["non-UTF-8 form bytes", new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3d, 0xff, 0xfe, 0xc3]), "application/x-www-form-urlencoded", 400],
      ["non-UTF-8 JSON bytes", new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), "application/json", 400],
      ["an unsupported content type", "name=sales", "text/plain", 415],
      ["multipart", "--x\r\n\r\n--x--", "multipart/form-data; boundary=x", 415],
    ] as const)("%s -> %s", async (_name, body, contentType, status) => {
      const res = await post(body as string, contentType);
      expect(res.status, res.text).toBe(status);
      expect(isErrorBody(res.json, status)).toBe(true);
      expect((await get("/livechat/operators")).status).toBe(200);
    });

    it("a body over the limit -> 413, and the server keeps answering", async () => {
      const huge = `name=${"a".repeat(2 * 1024 * 1024)}`;
      const res = await post(huge, "application/x-www-form-urlencoded");
      expect(res.status).toBe(413);
      expect(isErrorBody(res.json, 413)).toBe(true);
      expect((await get("/livechat/operators")).status).toBe(200);
    });

    it("unparseable HTTP gets a 400 and the server keeps answering", async () => {
      const { hostname, port } = new URL(mock.url);
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => socket.write("GARBAGE \x00\x01 nonsense\r\n\r\n"));
        let data = "";
        socket.on("data", (d) => (data += d.toString("latin1")));
        socket.on("end", () => resolve(data));
        socket.on("error", reject);
      });
      expect(reply).toMatch(/^HTTP\/1\.1 400/);
      expect((await get("/livechat/operators")).status).toBe(200);
    });
  });

  describe("Prefer", () => {
    it("code=403 with example= picks the named example", async () => {
      const quota = await get("/livechat/operators", { prefer: "code=403, example=dailyQuotaExceeded" });
      expect(quota.status).toBe(403);
      expect((quota.json as { code: number }).code).toBe(403001);
      expect(quota.headers.get("preference-applied")).toBe("code=403, example=dailyQuotaExceeded");
      const denied = await get("/livechat/operators", { prefer: "code=403" });
      expect((denied.json as { code: number }).code).toBe(403000);
    });

    it("an undocumented status or unknown example -> 400 explaining", async () => {
      const teapot = await get("/livechat/operators", { prefer: "code=418" });
      expect(teapot.status).toBe(400);
      expect((teapot.json as { message: string }).message).toContain("code=418");
      const nope = await get("/livechat/operators", { prefer: "example=nope" });
      expect(nope.status).toBe(400);
      expect((nope.json as { message: string }).message).toContain("example=nope");
      const junk = await get("/livechat/operators", { prefer: "code=abc" });
      expect(junk.status).toBe(400);
    });

    it("an error status wins over validation; a success never hides a validation error", async () => {
      expect((await get(REPORT, { prefer: "code=500" })).status).toBe(500);
      expect((await get(REPORT, { prefer: "code=200" })).status).toBe(400);
      expect((await get(`${REPORT}?${REPORT_QUERY}`, { prefer: "code=200" })).status).toBe(200);
    });

    it("unknown preferences are ignored (RFC 7240)", async () => {
      expect((await get("/livechat/operators", { prefer: "respond-async, wait=5" })).status).toBe(200);
    });

    it("a 200 without content in the spec answers with an empty body", async () => {
      const res = await call(`${mock.url}/livechat/cannedMessages/1`, { method: "DELETE" });
      expect(res.status).toBe(200);
      expect(res.text).toBe("");
    });
  });
});

describe("parsing helpers", () => {
  const schema = {
    type: "object",
    properties: {
      ids: { type: "array", items: { type: "integer" } },
      tags: { type: "array", items: { type: "string" } },
      n: { type: "integer" },
      on: { type: "boolean" },
      loose: { anyOf: [{ type: "boolean" }, { type: "string", enum: ["true", "false"] }] },
      name: { type: "string" },
    },
  };
  it("splits comma lists only for explode:false fields and coerces scalars", () => {
    const fields = parseForm("ids=1,2&tags=a,b&n=5&on=TRUE&loose=true&name=1,2&extra=x+y&tags=c");
    expect(coerceForm(fields, schema, new Set(["ids"]))).toEqual({
      ids: [1, 2],
      tags: ["a,b", "c"],
      n: 5,
      on: true,
      loose: "true",
      name: "1,2",
      extra: "x y",
    });
    expect(coerceForm(parseForm("ids="), schema, new Set(["ids"]))).toEqual({ ids: [] });
    expect(coerceForm(parseForm("n=abc"), schema, new Set())).toEqual({ n: "abc" });
  });
  it("rejects bad percent-encoding", () => {
    expect(() => parseForm("a=%zz")).toThrow(/percent-encoding/);
    expect(() => parseQuery("a=%C3")).toThrow(/percent-encoding/);
  });
  it("parses Prefer", () => {
    expect(parsePrefer('code=403, example="dailyQuotaExceeded"')).toEqual({ code: 403, example: "dailyQuotaExceeded" });
    expect(parsePrefer("code=404; foo=bar")).toEqual({ code: 404 });
    expect(() => parsePrefer("code=4040")).toThrow();
  });
});
