// The CLI against the mock server: commands, flags, raw mode, output formats, errors and exit codes.
// Commands run in this process (runInProcess: the bin's run() with a pipe-like stdout); the exit
// codes are read from the built binary itself, as a shell sees them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  API_KEY,
  EMAIL,
  isolatedEnv,
  removeScratch,
  runCli,
  runInProcess,
  scratch,
  startApi,
  type RunResult,
  type ShapingProxy,
} from "./helpers.js";

let api: ShapingProxy;
let home: string;
let env: Record<string, string>;
const results: RunResult[] = [];

async function cli(args: string[], extra: Record<string, string> = {}): Promise<RunResult> {
  const r = await runInProcess(args, { ...env, ...extra });
  results.push(r);
  return r;
}
/** The built binary, in its own process. */
async function bin(args: string[], extra: Record<string, string> = {}): Promise<RunResult> {
  const r = await runCli(args, { ...env, ...extra });
  results.push(r);
  return r;
}

beforeAll(async () => {
  api = await startApi();
  home = scratch();
  env = isolatedEnv(home, { COMM100_BASE_URL: api.url, COMM100_EMAIL: EMAIL, COMM100_API_KEY: API_KEY });
});
afterEach(() => {
  api.requests.length = 0;
  api.pages = 1;
  api.prefer = undefined;
});
afterAll(async () => {
  await api.close();
  removeScratch(home);
  // The API key never shows in anything the CLI printed, in any test of this file.
  expect(results.length).toBeGreaterThan(10);
  for (const r of results) expect(r.stdout + r.stderr).not.toContain(API_KEY);
});

describe("generated resource commands", () => {
  it("sends a form body exactly as the spec says (list fields comma-joined)", async () => {
    const r = await cli(["departments", "create", "--name", "Sales Team", "--members", "1,2,11"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: "sales" }); // the mock answers with its example
    const sent = api.requests.at(-1)!;
    expect(sent.method).toBe("POST");
    expect(sent.url).toBe("/api/v1/livechat/departments");
    expect(sent.contentType).toContain("application/x-www-form-urlencoded");
    expect(sent.body).toBe("name=Sales+Team&members=1,2,11");
    expect(sent.authorization).toBe(`Basic ${Buffer.from(`${EMAIL}:${API_KEY}`).toString("base64")}`);
  });

  it("puts path parameters in the path and flags in the query", async () => {
    const r = await cli([
      "reports",
      "get-chat-volume",
      "--time-from",
      "2017-12-01T00:00:00",
      "--time-to",
      "2018-01-01T00:00:00",
      "--group",
      "day",
    ]);
    expect(r.code).toBe(0);
    expect(api.requests.at(-1)!.url).toBe(
      "/api/v1/livechat/reports/chatVolume?timeFrom=2017-12-01T00%3A00%3A00&timeTo=2018-01-01T00%3A00%3A00&group=day",
    );
    const g = await cli(["agents", "get", "kelly@comm100.com"]);
    expect(g.code).toBe(0);
    expect(api.requests.at(-1)!.url).toBe("/api/v1/livechat/operators/kelly%40comm100.com");
  });

  it("sends booleans and a JSON array body", async () => {
    const r = await cli(["canned-messages", "create", "--name", "Hi", "--message", "Hello there", "--is-private"]);
    expect(r.code).toBe(0);
    expect(api.requests.at(-1)!.body).toBe("name=Hi&message=Hello+there&isPrivate=true");
    const data = JSON.stringify([{ name: "user_login", value: "googleplus" }]);
    const v = await cli(["visitors", "update-custom-variables", "7273e957-02cb-4c03-a84c-44283fcfd47d", "--data", data]);
    expect(v.code).toBe(0);
    expect(api.requests.at(-1)!.contentType).toContain("application/json");
    expect(JSON.parse(api.requests.at(-1)!.body)).toEqual([{ name: "user_login", value: "googleplus" }]);
  });

  it("--all follows pagination", async () => {
    api.pages = 3;
    const r = await cli(["chats", "list", "--date-from", "2026-11-01", "--date-to", "2026-11-30", "--all"]);
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout);
    expect(api.requests.map((q) => new URL(q.url, "http://x").searchParams.get("page"))).toEqual(["1", "2", "3"]);
    expect(items.length).toBe(3 * (items.length / 3));
    expect(new Set(items.map((c: { id: string }) => c.id)).size).toBe(items.length);
    expect(items.length).toBeGreaterThanOrEqual(3);
    const csv = await cli(["chats", "list", "--all", "--format", "csv"]);
    const rows = csv.stdout.split("\r\n");
    expect(rows[0]!.startsWith("id,name,email,")).toBe(true); // the spec's columns, written as pages arrive
    expect(csv.stdout.match(/^00000000-0000-4000-8000-\d{12},/gm)?.length).toBe(items.length);
    const jsonl = await cli(["api", "GET", "/livechat/chats", "--all", "--format", "jsonl"]);
    expect(
      jsonl.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).id),
    ).toEqual(items.map((c: { id: string }) => c.id));
  });

  it("refuses unknown flags, bad values and missing required flags with exit 2, naming the flag", async () => {
    const typo = await cli(["chats", "list", "--date-frm", "2026-11-01"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown option '--date-frm'");
    expect(typo.stderr).toContain("Did you mean --date-from?");
    const badEnum = await cli([
      "reports",
      "get-chat-volume",
      "--time-from",
      "2017-12-01T00:00:00",
      "--time-to",
      "2018-01-01T00:00:00",
      "--group",
      "dya",
    ]);
    expect(badEnum.code).toBe(2);
    expect(badEnum.stderr).toContain("--group");
    expect(badEnum.stderr).toContain("hour, day, week, month");
    expect(badEnum.stderr).toContain("did you mean 'day'");
    const badInt = await cli(["departments", "create", "--name", "x", "--members", "1,two"]);
    expect(badInt.code).toBe(2);
    expect(badInt.stderr).toContain("--members");
    expect(badInt.stderr).toContain("'two' is not an integer");
    const badDate = await cli(["chats", "list", "--date-from", "01/11/2026"]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("YYYY-MM-DD");
    const missing = await cli(["departments", "create"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--name <text>' not specified");
    const cmd = await cli(["chatz", "list"]);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain("Did you mean chats?");
    const pasted = await cli([API_KEY, "--api-key", API_KEY]); // a key pasted in the wrong place
    expect(pasted.code).toBe(2);
    expect(pasted.stderr).toContain("unknown command '[REDACTED]'");
    const nothing = await cli(["departments", "update", "3"]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain("--name, --description, --members");
    expect(api.requests).toEqual([]); // none of them reached the server
  });

  it("shows the spec's summaries and descriptions in --help at every level", async () => {
    const top = await cli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("canned-message-categories");
    expect(top.stdout).toContain("Exit codes:");
    const group = await cli(["chats", "--help"]);
    expect(group.stdout).toContain("List chats");
    const one = await cli(["chats", "list", "--help"]);
    expect(one.stdout.replace(/\s+/g, " ")).toContain("Without dates, only today's chats are returned.");
    expect(one.stdout).toContain("GET /livechat/chats");
    expect(one.stdout).toContain("--date-from <YYYY-MM-DD>");
  });
});

describe("raw mode", () => {
  it("calls a path with typed fields, the body encoded as the spec says", async () => {
    const r = await cli(["api", "POST", "/livechat/departments", "-f", "name=Sales", "-f", "members=1,2"]);
    expect(r.code).toBe(0);
    expect(api.requests.at(-1)!.body).toBe("name=Sales&members=1,2");
    const g = await cli(["api", "GET", "/livechat/departments/3"]);
    expect(g.code).toBe(0);
    expect(api.requests.at(-1)!.url).toBe("/api/v1/livechat/departments/3");
    const q = await cli(["api", "get", "/livechat/chats?date_from=2026-11-01", "-f", "keyword=refund"]);
    expect(q.code).toBe(0);
    expect(api.requests.at(-1)!.url).toBe("/api/v1/livechat/chats?date_from=2026-11-01&keyword=refund");
  });

  it("refuses paths, methods and fields the spec does not have", async () => {
    const path = await cli(["api", "GET", "/livechat/operatrs"]);
    expect(path.code).toBe(2);
    expect(path.stderr).toContain("did you mean /livechat/operators?");
    const method = await cli(["api", "POST", "/livechat/departments/3"]);
    expect(method.code).toBe(2);
    expect(method.stderr).toContain("GET, PUT, DELETE");
    const field = await cli(["api", "POST", "/livechat/departments", "-f", "nmae=x"]);
    expect(field.code).toBe(2);
    expect(field.stderr).toContain("did you mean 'name'");
    const value = await cli(["api", "GET", "/livechat/departments/abc"]);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain("'abc' is not an integer");
    expect(api.requests).toEqual([]);
  });
});

describe("output", () => {
  it("JSON on a pipe, and --format jsonl, csv and table", async () => {
    const json = await cli(["agents", "list"]);
    const agents = JSON.parse(json.stdout);
    expect(Array.isArray(agents)).toBe(true);
    const jsonl = await cli(["agents", "list", "--format", "jsonl"]);
    expect(
      jsonl.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual(agents);
    const csv = await cli(["--format", "csv", "agents", "list"]);
    const lines = csv.stdout.trim().split("\r\n");
    expect(lines.length).toBe(agents.length + 1);
    expect(lines[0]!.split(",")).toContain("email");
    expect(csv.stdout).toContain(agents[0].email);
    const table = await cli(["agents", "list", "--format", "table"]);
    expect(table.stdout.split("\n")[0]).toContain("EMAIL");
    expect(table.stdout).not.toContain("\u001b["); // no colour off a terminal
    const bad = await cli(["agents", "list", "--format", "xml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are json, jsonl, csv, table");
  });
});

describe("errors and exit codes", () => {
  it.each([
    ["code=404", 4, "HTTP 404"],
    ["code=401", 3, "HTTP 401"],
    ["code=403, example=dailyQuotaExceeded", 5, "resets at"],
    ["code=500", 1, "HTTP 500"],
  ])("Prefer %s -> exit %i", async (prefer, exit, text) => {
    api.prefer = prefer;
    const r = await bin(["agents", "get", "kelly@comm100.com", "--timeout", "5"]);
    expect(r.code).toBe(exit);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr).toContain(text);
    expect(r.stderr).toMatch(/Comm100 code \d+/);
  });

  it("exit 6 when nothing answers, exit 3 without credentials", async () => {
    const down = await bin(["agents", "list"], { COMM100_BASE_URL: "http://127.0.0.1:9/api/v1" });
    expect(down.code).toBe(6);
    const none = await bin(["agents", "list"], { COMM100_EMAIL: "", COMM100_API_KEY: "" });
    expect(none.code).toBe(3);
    expect(none.stderr).toContain("comm100 login");
  });
});
