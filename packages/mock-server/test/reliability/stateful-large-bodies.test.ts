// The stateful store under bodies close to the 1 MB limit: long lists of custom variables, member
// ids and department ids are answered correctly (each handled in one pass: a Map for the
// variables, a set of ids), and the server keeps answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer, type MockServer } from "../../src/index.js";
import { AUTH } from "../helpers.js";

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ port: 0 });
});
afterAll(() => server.close());

const send = async (method: string, path: string, contentType: string, body: string) => {
  const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: AUTH, "content-type": contentType }, body });
  return { status: res.status, json: (await res.json()) as any };
};

describe("stateful writes with bodies close to 1 MB", () => {
  it("30,000 custom variables on a visitor: answered, last value wins per name", { timeout: 30_000 }, async () => {
    const visitor = server.snapshot().data!.visitors[0]!;
    const pairs = Array.from({ length: 30_000 }, (_, i) => ({ name: `v${i % 15_000}`, value: String(i) }));
    const body = JSON.stringify(pairs);
    expect(body.length).toBeLessThan(1024 * 1024);
    const res = await send("PUT", `/livechat/visitors/${visitor.id}`, "application/json", body);
    expect(res.status).toBe(200);
    expect(res.json.custom_variable.find((v: { name: string }) => v.name === "v0").value).toBe("15000");
  });

  it("a department with 150,000 member ids: 400 naming the first unknown agent", { timeout: 30_000 }, async () => {
    const ids = Array.from({ length: 150_000 }, (_, i) => i + 1).join(",");
    const res = await send("POST", "/livechat/departments", "application/x-www-form-urlencoded", `name=Big&members=${ids}`);
    expect(res.status).toBe(400);
    expect(res.json.message).toContain("agent 13");
  });

  it("an agent in 150,000 departments (ids repeated): answered and consistent", { timeout: 30_000 }, async () => {
    const agent = server.snapshot().data!.agents[0]!;
    const ids = Array.from({ length: 150_000 }, (_, i) => (i % 2) + 1).join(",");
    const res = await send("PUT", `/livechat/operators/${agent.email}`, "application/x-www-form-urlencoded", `departments=${ids}`);
    expect(res.status).toBe(200);
    expect(res.json.departments).toEqual([1, 2]);
    const ok = await fetch(`${server.url}/livechat/departments/1`, { headers: { authorization: AUTH } });
    expect(((await ok.json()) as { members: number[] }).members).toContain(agent.id);
  });
});
