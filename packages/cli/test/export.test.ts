// `comm100 export` against the mock (through the shaping proxy): full runs, the quota stop, Ctrl-C,
// and a kill -9 in the middle followed by --resume, which must leave every item exactly once.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createMockServer } from "@comm100-sdk/mock-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, EMAIL, isolatedEnv, removeScratch, runCli, scratch, spawnCli, startApi, type ShapingProxy } from "./helpers.js";

let api: ShapingProxy;
let dir: string;
let env: Record<string, string>;
const PERIOD = ["--from", "2026-11-01", "--to", "2026-11-30"];

beforeAll(async () => {
  api = await startApi();
  dir = scratch();
  env = isolatedEnv(dir, { COMM100_BASE_URL: api.url, COMM100_EMAIL: EMAIL, COMM100_API_KEY: API_KEY });
});
afterEach(() => {
  api.requests.length = 0;
  api.pages = 1;
  api.quotaAfter = Infinity;
  api.listCalls = 0;
  api.delayMs = 0;
  api.dropTranscripts = false;
});
afterAll(async () => {
  await api.close();
  removeScratch(dir);
});

const jsonLines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l, i, all) => l !== "" || i < all.length - 1)
    .map((l) => JSON.parse(l) as { id: string; chat_transcript?: string });

const listRequests = () => api.requests.filter((r) => /\/(chats|offline_messages)\?/.test(r.url));

describe("export", () => {
  it("writes every chat of every page, with transcripts, to JSONL", async () => {
    api.pages = 4;
    const out = join(dir, "all.jsonl");
    const r = await runCli(["export", "chats", ...PERIOD, "--out", out], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Exported \d+ chats/);
    expect(r.stderr).not.toContain("\u001b["); // no progress bar off a terminal
    const items = jsonLines(out);
    const perPage = items.length / 4;
    expect(perPage).toBeGreaterThanOrEqual(1);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.every((i) => typeof i.chat_transcript === "string")).toBe(true);
    expect(listRequests().map((q) => new URL(q.url, "http://x").searchParams.get("date_from"))).toEqual([
      "2026-11-01",
      "2026-11-01",
      "2026-11-01",
      "2026-11-01",
    ]);
    expect(existsSync(`${out}.checkpoint.json`)).toBe(false);
  });

  it("fetches a chat on its own when the list leaves its transcript out", async () => {
    api.pages = 2;
    api.dropTranscripts = true;
    const out = join(dir, "detail.jsonl");
    const r = await runCli(["export", "chats", ...PERIOD, "--out", out, "--concurrency", "2"], env);
    expect(r.code).toBe(0);
    const items = jsonLines(out);
    expect(items.every((i) => typeof i.chat_transcript === "string")).toBe(true);
    expect(api.requests.filter((q) => /\/livechat\/chats\/[0-9a-f-]+$/.test(q.url)).length).toBe(items.length);
  });

  it("writes offline messages to CSV with the spec's columns", async () => {
    api.pages = 2;
    const out = join(dir, "offline.csv");
    const r = await runCli(["export", "offline-messages", ...PERIOD, "--out", out], env);
    expect(r.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("id,name,email,company,phone,department,subject,content,")).toBe(true);
    expect(text.split("\r\n").filter(Boolean).length).toBe(1 + (2 * (text.match(/00000000-0000-4000-8000-/g)?.length ?? 0)) / 2);
  });

  it("stops cleanly on the daily quota, says when it resets and resumes without duplicates", async () => {
    api.pages = 5;
    api.quotaAfter = 2;
    const out = join(dir, "quota.jsonl");
    const stopped = await runCli(["export", "chats", ...PERIOD, "--out", out], env);
    expect(stopped.code).toBe(5);
    expect(stopped.stderr).toContain("Daily API quota used up");
    expect(stopped.stderr).toMatch(/resets at \d{4}-\d{2}-\d{2}T00:00:00\.000Z/);
    expect(stopped.stderr).toContain(`--out "${out}" --resume`);
    const partial = jsonLines(out);
    expect(new Set(partial.map((i) => i.id.slice(-12, -3))).size).toBe(2); // two pages written
    const again = await runCli(["export", "chats", ...PERIOD, "--out", out], env);
    expect(again.code).toBe(2); // an unfinished export is not overwritten by accident
    expect(again.stderr).toContain("--resume");
    api.quotaAfter = Infinity;
    api.requests.length = 0;
    const resumed = await runCli(["export", "chats", ...PERIOD, "--out", out, "--resume"], env);
    expect(resumed.code).toBe(0);
    expect(listRequests().map((q) => new URL(q.url, "http://x").searchParams.get("page"))).toEqual(["3", "4", "5"]);
    const items = jsonLines(out);
    expect(items.length).toBe((partial.length / 2) * 5);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it("survives kill -9 in the middle: --resume cuts the half-written part and continues", async () => {
    api.pages = 12;
    api.delayMs = 150;
    const out = join(dir, "killed.jsonl");
    const child = spawnCli(["export", "chats", ...PERIOD, "--out", out], env);
    const checkpoint = `${out}.checkpoint.json`;
    // Wait until at least two pages are checkpointed, then kill without warning.
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        try {
          if (existsSync(checkpoint) && JSON.parse(readFileSync(checkpoint, "utf8")).nextPage >= 3) {
            clearInterval(poll);
            resolve();
          }
        } catch {
          /* renamed in the middle of the read: try again */
        }
        if (Date.now() - started > 30_000) reject(new Error("export made no progress"));
      }, 20);
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.on("close", r));
    const saved = JSON.parse(readFileSync(checkpoint, "utf8"));
    expect(saved.nextPage).toBeLessThan(13);
    // Simulate the worst moment: a page half written after the last checkpoint.
    writeFileSync(out, `${readFileSync(out, "utf8")}{"id":"half-writ`, { flag: "w" });
    expect(statSync(out).size).toBeGreaterThan(saved.bytes);
    api.delayMs = 0;
    api.requests.length = 0;
    const resumed = await runCli(["export", "chats", ...PERIOD, "--out", out, "--resume"], env);
    expect(resumed.code).toBe(0);
    expect(new URL(listRequests()[0]!.url, "http://x").searchParams.get("page")).toBe(String(saved.nextPage));
    const items = jsonLines(out); // every line parses: no half line
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const pagesSeen = new Set(items.map((i) => i.id.slice(-12, -3)));
    expect(pagesSeen.size).toBe(12);
  });

  it("Ctrl-C (SIGINT) stops with exit 130 and a resume hint; --resume finishes the file", async () => {
    api.pages = 8;
    api.delayMs = 200;
    const out = join(dir, "interrupted.csv");
    const child = spawnCli(["export", "chats", ...PERIOD, "--out", out], env);
    let stderr = "";
    child.stderr!.on("data", (c) => (stderr += c));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (api.requests.length >= 3) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    child.kill("SIGINT");
    const code = await new Promise((r) => child.on("close", (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toContain("Interrupted.");
    expect(stderr).toContain("--resume");
    api.delayMs = 0;
    const resumed = await runCli(["export", "chats", ...PERIOD, "--out", out, "--resume"], env);
    expect(resumed.code).toBe(0);
    const rows = readFileSync(out, "utf8").match(/^00000000-0000-4000-8000-\d{12},/gm) ?? [];
    expect(new Set(rows).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.slice(-13, -4))).size).toBe(8);
  });

  it("--daily-limit is a client budget: the export stops before the server's quota, resumable", async () => {
    api.pages = 5;
    const out = join(dir, "budget.jsonl");
    const r = await runCli(["export", "chats", ...PERIOD, "--out", out, "--daily-limit", "2", "--max-concurrency", "1"], env);
    expect(r.code).toBe(5); // the client refuses to send past the budget: Comm100QuotaExceededError
    expect(listRequests().length).toBe(2); // never past the budget
    expect(r.stderr).toContain("the client's daily budget");
    expect(r.stderr).toContain("--resume");
    expect(new Set(jsonLines(out).map((i) => i.id.slice(-12, -3))).size).toBe(2);
    const bad = await runCli(["export", "chats", ...PERIOD, "--out", join(dir, "b2.jsonl"), "--share", "0.5"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--share needs --daily-limit");
  });

  it("against the mock's own daily quota (--quota): stops with exit 5, resumes after the mock's midnight, same file as an uninterrupted run", async () => {
    const account = { email: EMAIL, apiKey: API_KEY };
    const exportWith = async (quota: number | undefined, out: string) => {
      let requests = 0;
      const mock = await createMockServer({
        now: "2026-11-30T12:00:00Z",
        accounts: [account],
        ...(quota !== undefined && { quota }),
        onRequest: () => requests++,
      });
      const mockEnv = isolatedEnv(dir, { COMM100_BASE_URL: mock.url, COMM100_EMAIL: EMAIL, COMM100_API_KEY: API_KEY });
      const first = await runCli(["export", "chats", ...PERIOD, "--out", out, "--max-concurrency", "1"], mockEnv);
      return { mock, mockEnv, first, requests: () => requests };
    };
    const whole = await exportWith(undefined, join(dir, "mock-whole.jsonl"));
    await whole.mock.close();
    expect(whole.first.code).toBe(0);
    const needed = whole.requests();
    expect(needed).toBeGreaterThanOrEqual(2); // the period spans more than one request, so a quota can cut it

    const out = join(dir, "mock-quota.jsonl");
    // a day's quota that holds half the export (rounded up), so the rest fits in the next day's
    const budget = Math.ceil(needed / 2);
    const cut = await exportWith(budget, out);
    try {
      expect(cut.first.code).toBe(5);
      expect(cut.first.stderr).toContain("Daily API quota used up");
      expect(cut.first.stderr).toMatch(/resets at \d{4}-\d{2}-\d{2}T00:00:00\.000Z/);
      expect(cut.first.stderr).toContain(`--out "${out}" --resume`);
      expect(cut.requests()).toBe(budget + 1); // the budget, then the one 403 that stopped it
      cut.mock.clock.set(cut.mock.quota.resetsAt()); // the mock's 00:00 UTC: a new day's quota
      const resumed = await runCli(["export", "chats", ...PERIOD, "--out", out, "--resume", "--max-concurrency", "1"], cut.mockEnv);
      expect(resumed.code).toBe(0);
      expect(readFileSync(out, "utf8")).toBe(readFileSync(join(dir, "mock-whole.jsonl"), "utf8"));
    } finally {
      await cut.mock.close();
    }
  });

  it("refuses a resume of another export and a bad file name", async () => {
    api.pages = 3;
    api.quotaAfter = 1;
    const out = join(dir, "other.jsonl");
    expect((await runCli(["export", "chats", ...PERIOD, "--out", out], env)).code).toBe(5);
    const other = await runCli(["export", "chats", "--from", "2026-10-01", "--to", "2026-10-31", "--out", out, "--resume"], env);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("another export");
    const ext = await runCli(["export", "chats", ...PERIOD, "--out", join(dir, "x.txt")], env);
    expect(ext.code).toBe(2);
    expect(ext.stderr).toContain(".jsonl");
    const nothing = await runCli(["export", "chats", ...PERIOD, "--out", join(dir, "none.jsonl"), "--resume"], env);
    expect(nothing.code).toBe(2);
  });
});
