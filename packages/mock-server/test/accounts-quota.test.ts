// Accounts (wrong email or key -> 401 with the Comm100 body) and the daily quota (403 once N
// requests were made since 00:00 UTC of the mock clock, reset at midnight).
import { afterEach, describe, expect, it } from "vitest";
import { createMockServer, DEFAULT_ACCOUNT, type MockServer } from "../src/index.js";
import { call, isErrorBody } from "./helpers.js";

const basic = (email: string, key: string) => `Basic ${Buffer.from(`${email}:${key}`).toString("base64")}`;
let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const agents = (m: MockServer, email: string, key: string) =>
  call(`${m.url}/livechat/operators`, { auth: false, headers: { authorization: basic(email, key) } });

describe("accounts", () => {
  it("accepts only the configured email and key; the email is case-insensitive, the key is not", async () => {
    mock = await createMockServer({
      accounts: [
        { email: "lead@example.com", apiKey: "key-one" },
        { email: "ops@example.com", apiKey: "key:two" },
      ],
    });
    expect((await agents(mock, "lead@example.com", "key-one")).status).toBe(200);
    expect((await agents(mock, "LEAD@example.com", "key-one")).status).toBe(200);
    expect((await agents(mock, "ops@example.com", "key:two")).status).toBe(200);
    for (const [email, key] of [
      ["lead@example.com", "KEY-ONE"],
      ["lead@example.com", "key:two"],
      ["nobody@example.com", "key-one"],
    ] as const) {
      const res = await agents(mock, email, key);
      expect(res.status, `${email}:${key}`).toBe(401);
      expect(isErrorBody(res.json, 401)).toBe(true);
      expect(res.json).toEqual({ code: 401000, message: "Invalid email or API key." });
      expect(res.text).not.toContain(key);
      expect(res.headers.get("www-authenticate")).toMatch(/^Basic/);
    }
  });

  it("stateful by default: only the documented default account is accepted", async () => {
    mock = await createMockServer();
    expect(DEFAULT_ACCOUNT).toEqual({ email: "agent@example.com", apiKey: "mock-api-key" });
    expect((await agents(mock, DEFAULT_ACCOUNT.email, DEFAULT_ACCOUNT.apiKey)).status).toBe(200);
    expect((await agents(mock, DEFAULT_ACCOUNT.email, "any-key")).status).toBe(401);
    expect(mock.snapshot().accounts).toEqual(["agent@example.com"]);
  });

  it("stateless mode accepts any non-empty credentials when no accounts are configured", async () => {
    mock = await createMockServer({ stateless: true });
    expect((await agents(mock, "whoever@example.com", "anything")).status).toBe(200);
    expect(mock.snapshot().accounts).toBe("any");
  });

  it("a snapshot lists the account emails but never their keys", async () => {
    mock = await createMockServer({ accounts: [{ email: "lead@example.com", apiKey: "secret-key-42" }] });
    const text = JSON.stringify(mock.snapshot());
    expect(text).toContain("lead@example.com");
    expect(text).not.toContain("secret-key-42");
  });
});

describe("daily quota", () => {
  it("answers the documented 403 quota error once N requests were made today, per account", async () => {
    mock = await createMockServer({ stateless: true, quota: 3, now: "2026-12-01T10:00:00Z" });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await agents(mock, "a@example.com", "k")).status);
    expect(statuses).toEqual([200, 200, 200, 403, 403]);
    const refused = await agents(mock, "a@example.com", "k");
    expect(refused.json).toEqual({ code: 403001, message: "The number of API requests has exceeded the daily limit." });
    // Another account has its own count.
    expect((await agents(mock, "b@example.com", "k")).status).toBe(200);
    expect(mock.quota.used("a@example.com")).toBe(3);
    expect(mock.quota.used("b@example.com")).toBe(1);
    expect(mock.quota.used()).toBe(4);
    expect(mock.quota.limit).toBe(3);
    expect(mock.quota.resetsAt().toISOString()).toBe("2026-12-02T00:00:00.000Z");
  });

  it("counts invalid requests too, but not the ones refused by auth", async () => {
    mock = await createMockServer({ stateless: true, quota: 2 });
    expect((await call(`${mock.url}/livechat/departments/nope`)).status).toBe(400);
    expect((await call(`${mock.url}/livechat/operators`, { auth: false })).status).toBe(401);
    expect(mock.quota.used()).toBe(1);
  });

  it("resets at 00:00 UTC of the mock clock", async () => {
    mock = await createMockServer({ stateless: true, quota: 1, now: "2026-12-01T23:59:58Z" });
    expect((await agents(mock, "a@example.com", "k")).status).toBe(200);
    expect((await agents(mock, "a@example.com", "k")).status).toBe(403);
    mock.clock.advance(5_000);
    expect(mock.clock.now().toISOString().slice(0, 10)).toBe("2026-12-02");
    expect((await agents(mock, "a@example.com", "k")).status).toBe(200);
    expect((await agents(mock, "a@example.com", "k")).status).toBe(403);
    expect(mock.quota.resetsAt().toISOString()).toBe("2026-12-03T00:00:00.000Z");
  });

  it("quota 0 refuses every request; reset() clears the counts", async () => {
    mock = await createMockServer({ stateless: true, quota: 0 });
    expect((await agents(mock, "a@example.com", "k")).status).toBe(403);
    const two = await createMockServer({ stateless: true, quota: 1 });
    try {
      expect((await agents(two, "a@example.com", "k")).status).toBe(200);
      expect((await agents(two, "a@example.com", "k")).status).toBe(403);
      two.reset();
      expect(two.quota.used()).toBe(0);
      expect((await agents(two, "a@example.com", "k")).status).toBe(200);
    } finally {
      await two.close();
    }
  });

  it("refuses a negative or fractional quota", async () => {
    await expect(createMockServer({ stateless: true, quota: -1 })).rejects.toThrow(/quota/);
    await expect(createMockServer({ stateless: true, quota: 1.5 })).rejects.toThrow(/quota/);
  });
});
