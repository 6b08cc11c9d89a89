// Bodies on the wire, by the content type the spec declares per operation.
import { describe, expect, it } from "vitest";
import { formEncode } from "../src/internal/form.js";
import { OPERATIONS } from "../src/generated/operations.js";
import { FORM_BODIES, NEVER_REPEATED } from "../src/generated/request-ops.js";
import { listOperations, loadSpec, resolveRef } from "@comm100-sdk/spec-reader";
import { clientFor, startServer } from "./helpers.js";

describe("formEncode", () => {
  it("joins list fields with a literal comma and repeats other arrays", () => {
    expect(formEncode({ departments: [1, 2], tags: ["a", "b"] }, ["departments"])).toBe("departments=1,2&tags=a&tags=b");
  });
  it("encodes items, spaces as +, drops undefined and null, stringifies booleans", () => {
    expect(formEncode({ name: "a b,c&d", x: undefined, y: null, ok: true, n: 0, u: "é" }, [])).toBe(
      "name=a+b%2Cc%26d&ok=true&n=0&u=%C3%A9",
    );
    expect(formEncode({ members: ["1,5", 2] }, ["members"])).toBe("members=1%2C5,2");
  });
});

describe("the generated table follows the spec", () => {
  it("has one row per operation with the body kind and list fields of the spec", () => {
    const spec = loadSpec();
    const ops = listOperations(spec);
    expect(OPERATIONS.length).toBe(ops.length);
    ops.forEach((op, i) => {
      const row = OPERATIONS[i]!;
      expect([row.ns, row.name, row.method, row.path]).toEqual([op.namespace, op.methodName, op.method, op.path]);
      expect(row.pathParams ?? []).toEqual(op.pathParams);
      const key = `${op.method} ${op.path}`;
      if (!op.body) expect(row.body).toBeUndefined();
      else if (op.body.contentType === "application/x-www-form-urlencoded") {
        expect(row.body).toBe("form");
        expect(FORM_BODIES[key]).toEqual(op.body.listFields);
      } else expect(["json", "raw"]).toContain(row.body);
      if (op.body?.contentType !== "application/x-www-form-urlencoded") expect(Object.hasOwn(FORM_BODIES, key)).toBe(false);
      const raw = resolveRef(spec, spec.paths[op.path])[op.method.toLowerCase()];
      expect(NEVER_REPEATED.includes(key), key).toBe(raw["x-comm100-idempotent"] === false);
    });
  });
});

describe("bodies on the wire", () => {
  it("agents.create sends a form with departments=1,2", async () => {
    const s = await startServer();
    await clientFor(s).agents.create({
      email: "kelly@comm100.com",
      display_name: "Kelly_Comm100",
      first_name: "Kelly",
      last_name: "Blair",
      password: "Comm100",
      departments: [1, 2],
      max_chats_count: 5,
      is_admin: false,
      is_active: true,
    });
    const r = s.requests[0]!;
    expect(r.method).toBe("POST");
    expect(r.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(r.body.toString()).toBe(
      "email=kelly%40comm100.com&display_name=Kelly_Comm100&first_name=Kelly&last_name=Blair&password=Comm100&departments=1,2&max_chats_count=5&is_admin=false&is_active=true",
    );
  });

  it("departments.update sends a form to /departments/{id}", async () => {
    const s = await startServer();
    await clientFor(s).departments.update(3, { description: "comm100 live chat sales", members: [2, 11] });
    const r = s.requests[0]!;
    expect([r.method, r.path]).toEqual(["PUT", "/api/v1/livechat/departments/3"]);
    expect(r.body.toString()).toBe("description=comm100+live+chat+sales&members=2,11");
  });

  it("visitors.updateCustomVariables sends a JSON array", async () => {
    const s = await startServer();
    const vars = [
      { name: "user_login", value: "googleplus" },
      { name: "have_sales", value: "no" },
    ];
    await clientFor(s).visitors.updateCustomVariables("7273e957-02cb-4c03-a84c-44283fcfd47d", vars);
    const r = s.requests[0]!;
    expect([r.method, r.path]).toEqual(["PUT", "/api/v1/livechat/visitors/7273e957-02cb-4c03-a84c-44283fcfd47d"]);
    expect(r.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(r.body.toString())).toEqual(vars);
  });

  it("GETs send no body and no content type", async () => {
    const s = await startServer();
    await clientFor(s).agents.list();
    expect(s.requests[0]!.body.length).toBe(0);
    expect(s.requests[0]!.headers["content-type"]).toBeUndefined();
  });

  it("a missing path parameter throws before any request", async () => {
    const s = await startServer();
    await expect((clientFor(s).agents.get as (e?: string) => Promise<unknown>)()).rejects.toThrow(/email/);
    expect(s.requests).toHaveLength(0);
  });
});
