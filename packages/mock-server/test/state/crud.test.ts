// Writes persist and reads agree: create assigns ids that get and list return, update changes,
// delete removes (then 404 with the Comm100 body), unique names hold, memberships agree both ways.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer, type MockServer } from "../../src/index.js";
import { isErrorBody } from "../helpers.js";
import { api } from "./api.js";

let mock: MockServer;
let c: ReturnType<typeof api>;
beforeAll(async () => {
  mock = await createMockServer({ now: "2026-12-02T10:00:00Z" });
  c = api(mock.url);
});
afterAll(() => mock.close());

const expect404 = (res: { status: number; json: unknown }, text: string) => {
  expect(res.status).toBe(404);
  expect(isErrorBody(res.json, 404)).toBe(true);
  expect((res.json as { message: string }).message).toContain(text);
};

describe("departments", () => {
  it("create -> get -> list -> update -> delete -> 404 (issue 16's session)", async () => {
    const created = await c.post("/livechat/departments", { name: "Sales EMEA", members: [1, 2] });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ name: "Sales EMEA", members: [1, 2] });
    const id = created.json.id as number;
    expect(id).toBeGreaterThan(4); // after the seeded ones

    expect((await c.get(`/livechat/departments/${id}`)).json).toEqual(created.json);
    expect((await c.get("/livechat/departments")).json).toContainEqual(created.json);

    const updated = await c.put(`/livechat/departments/${id}`, { name: "Sales Europe", members: [2, 3] });
    expect(updated.json).toMatchObject({ id, name: "Sales Europe", members: [2, 3] });
    expect((await c.get(`/livechat/departments/${id}`)).json.name).toBe("Sales Europe");

    const removed = await c.del(`/livechat/departments/${id}`);
    expect(removed.status).toBe(200);
    expect(removed.json.result).toContain(`'${id}'`);
    expect404(await c.get(`/livechat/departments/${id}`), `Department '${id}' was not found.`);
    expect404(await c.put(`/livechat/departments/${id}`, { name: "x" }), `'${id}'`);
    expect404(await c.del(`/livechat/departments/${id}`), `'${id}'`);
    expect((await c.get("/livechat/departments")).json.some((d: { id: number }) => d.id === id)).toBe(false);
  });

  it("unknown ids answer 404", async () => {
    expect404(await c.get("/livechat/departments/999"), "Department '999' was not found.");
  });

  it("names are unique (case-insensitive): 400 with { code, message }", async () => {
    const first = await c.post("/livechat/departments", { name: "Returns" });
    expect(first.status).toBe(200);
    const dup = await c.post("/livechat/departments", { name: "returns" });
    expect(dup.status).toBe(400);
    expect(dup.json).toEqual({ code: 400000, message: "Parameter 'name' must be unique: a department named 'returns' already exists." });
    const other = await c.post("/livechat/departments", { name: "Refunds" });
    expect((await c.put(`/livechat/departments/${other.json.id}`, { name: "RETURNS" })).status).toBe(400);
    // renaming to its own name is fine
    expect((await c.put(`/livechat/departments/${first.json.id}`, { name: "Returns" })).status).toBe(200);
  });

  it("members and agent departments agree both ways", async () => {
    const d = (await c.post("/livechat/departments", { name: "Night shift", members: [3, 4] })).json;
    const agent = async (id: number) =>
      ((await c.get("/livechat/operators")).json as Array<{ id: number; email: string; departments: number[] }>).find((a) => a.id === id)!;
    expect((await agent(3)).departments).toContain(d.id);
    expect((await agent(4)).departments).toContain(d.id);
    await c.put(`/livechat/departments/${d.id}`, { members: [4] });
    expect((await agent(3)).departments).not.toContain(d.id);

    // and from the agent's side
    const a5 = await agent(5);
    await c.put(`/livechat/operators/${a5.email}`, { departments: [d.id] });
    expect((await c.get(`/livechat/departments/${d.id}`)).json.members).toEqual([4, 5]);
    for (const dep of (await c.get("/livechat/departments")).json as Array<{ id: number; members: number[] }>) {
      if (dep.id !== d.id) expect(dep.members).not.toContain(5);
    }
  });

  it("members must be existing agents", async () => {
    const res = await c.post("/livechat/departments", { name: "Ghosts", members: [1, 999] });
    expect(res.status).toBe(400);
    expect(res.json.message).toContain("agent 999");
  });
});

describe("agents", () => {
  it("create, get by email (any case), update, reset the key, delete; emails unique", async () => {
    const created = await c.post("/livechat/operators", {
      email: "new.agent@example.com",
      password: "pw-123456",
      display_name: "New Agent",
      first_name: "New",
      last_name: "Agent",
      departments: [1],
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ email: "new.agent@example.com", display_name: "New Agent", departments: [1] });
    expect(created.json).not.toHaveProperty("password");
    expect((await c.get("/livechat/departments/1")).json.members).toContain(created.json.id);
    expect((await c.get("/livechat/operators/NEW.AGENT@example.com")).json.id).toBe(created.json.id);

    const dup = await c.post("/livechat/operators", {
      email: "new.agent@example.com",
      password: "x",
      display_name: "x",
      first_name: "x",
      last_name: "x",
    });
    expect(dup.status).toBe(400);
    expect(dup.json.message).toContain("must be unique");

    const updated = await c.put("/livechat/operators/new.agent@example.com", { title: "Lead" });
    expect(updated.json.title).toBe("Lead");
    const reset = await c.put("/livechat/operators/new.agent@example.com/reset_api_key", {});
    expect(reset.json.api_key).toMatch(/^[0-9a-f]{32}$/);
    expect(reset.json.api_key).not.toBe(created.json.api_key);

    const removed = await c.del("/livechat/operators/new.agent@example.com");
    expect(removed.json).toEqual({ result: "Operator 'new.agent@example.com' has been removed." });
    expect404(await c.get("/livechat/operators/new.agent@example.com"), "Agent 'new.agent@example.com' was not found.");
    expect((await c.get("/livechat/departments/1")).json.members).not.toContain(created.json.id);
  });
});

describe("canned messages and categories", () => {
  it("a message in a new category is listed under it; delete leaves no body and later 404", async () => {
    const cat = (await c.post("/livechat/cannedMessageCategories", { name: "Refund policy" })).json;
    const msg = (
      await c.post(`/livechat/cannedMessageCategories/${cat.id}/cannedMessages`, {
        name: "30 days",
        message: "You can return it within 30 days.",
      })
    ).json;
    expect(msg).toMatchObject({ categoryId: cat.id, name: "30 days" });
    expect((await c.get(`/livechat/cannedMessageCategories/${cat.id}/cannedMessages`)).json).toEqual([msg]);
    expect((await c.put(`/livechat/cannedMessages/${msg.id}`, { message: "Within 30 days." })).json.message).toBe("Within 30 days.");
    const del = await c.del(`/livechat/cannedMessages/${msg.id}`);
    expect(del.status).toBe(200);
    expect(del.json).toBeUndefined();
    expect404(await c.get(`/livechat/cannedMessages/${msg.id}`), `'${msg.id}'`);
    expect((await c.post("/livechat/cannedMessages", { name: "x", message: "y", categoryId: 999 })).status).toBe(400);
    expect((await c.del(`/livechat/cannedMessageCategories/${cat.id}`)).status).toBe(200);
    expect404(await c.get(`/livechat/cannedMessageCategories/${cat.id}/cannedMessages`), `'${cat.id}'`);
  });
});

describe("visitors, chats, campaigns", () => {
  it("a visitor's custom variables are set and read back", async () => {
    const visitors = (await c.get("/livechat/visitors")).json as Array<{ id: string }>;
    expect(visitors.length).toBeGreaterThan(5);
    const id = visitors[0]!.id;
    const res = await c.put(`/livechat/visitors/${id}`, [{ name: "plan", value: "pro" }]);
    expect(res.status).toBe(200);
    expect(res.json.custom_variable).toContainEqual({ name: "plan", value: "pro" });
    expect((await c.get(`/livechat/visitors/${id}`)).json.custom_variable).toContainEqual({ name: "plan", value: "pro" });
    expect404(await c.get("/livechat/visitors/00000000-0000-4000-8000-000000000000"), "Visitor");
  });

  it("a listed chat is returned by id; an unknown chat or campaign is 404", async () => {
    const page = (await c.get("/livechat/chats?date_from=2026-09-01&date_to=2026-12-01")).json;
    const chat = page.chats[0];
    expect((await c.get(`/livechat/chats/${chat.id}`)).json).toEqual(chat);
    expect404(await c.get("/livechat/chats/00000000-0000-4000-8000-000000000000"), "Chat");
    expect((await c.get("/livechat/campaigns/1/prechat")).status).toBe(200);
    expect404(await c.get("/livechat/campaigns/99/prechat"), "Campaign '99'");
  });

  it("deleting a department deletes its chats, as documented", async () => {
    const all = async () => (await c.get("/livechat/chats?date_from=2026-01-01&date_to=2026-12-31")).json.total as number;
    const before = await all();
    const dept = (await c.get("/livechat/departments/4")).json;
    const own = (await c.get(`/livechat/chats?date_from=2026-01-01&date_to=2026-12-31&department=4`)).json.total as number;
    expect(own).toBeGreaterThan(0);
    await c.del(`/livechat/departments/${dept.id}`);
    expect(await all()).toBe(before - own);
  });
});

describe("snapshot, reset and Prefer", () => {
  it("the snapshot holds the data; reset goes back to the seed", async () => {
    await c.post("/livechat/departments", { name: "Temporary" });
    expect(mock.snapshot().data!.departments.some((d) => d.name === "Temporary")).toBe(true);
    mock.reset();
    const names = ((await c.get("/livechat/departments")).json as Array<{ name: string }>).map((d) => d.name);
    expect(names).toEqual(["Customer Care", "Support", "Billing", "Onboarding"]);
  });

  it("Prefer still picks a documented answer (and writes nothing)", async () => {
    const res = await c.get("/livechat/departments/1");
    const preferred = await fetch(`${mock.url}/livechat/departments/999`, {
      headers: { authorization: `Basic ${Buffer.from("agent@example.com:mock-api-key").toString("base64")}`, prefer: "example=documented" },
    });
    expect(preferred.status).toBe(200);
    expect(res.json.name).toBe("Customer Care");
  });
});
