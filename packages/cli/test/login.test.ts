// `comm100 login` without a terminal (--with-api-key on stdin): the profile file, its 0600
// permissions, and the key never printed; then commands using the profile.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, EMAIL, isolatedEnv, removeScratch, runCli, scratch, startApi, type RunResult, type ShapingProxy } from "./helpers.js";

let api: ShapingProxy;
let home: string;
let env: Record<string, string>;
const printed: RunResult[] = [];
const cli = async (args: string[], input?: string, extra: Record<string, string> = {}) => {
  const r = await runCli(args, { ...env, ...extra }, input);
  printed.push(r);
  return r;
};

beforeAll(async () => {
  api = await startApi();
  home = scratch();
  env = isolatedEnv(home); // no COMM100_* at all
});
afterAll(async () => {
  await api.close();
  removeScratch(home);
  for (const r of printed) expect(r.stdout + r.stderr).not.toContain(API_KEY);
});

describe("login profiles", () => {
  it("saves a verified profile under XDG_CONFIG_HOME with 0600 permissions", async () => {
    const r = await cli(["login", "--profile", "work", "--user", EMAIL, "--base-url", api.url, "--with-api-key"], `${API_KEY}\n`);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Saved profile 'work'");
    expect(api.requests.map((q) => q.url)).toEqual(["/api/v1/livechat/site_status"]);
    const file = join(home, "config", "comm100", "config.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, "config", "comm100")).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, "utf8")).profiles.work).toEqual({ email: EMAIL, apiKey: API_KEY, baseUrl: api.url });
  });

  it("uses the profile, lists it without the key, and removes it", async () => {
    const none = await cli(["agents", "list"]);
    expect(none.code).toBe(3); // "default" does not exist
    const r = await cli(["agents", "list", "--profile", "work"]);
    expect(r.code).toBe(0);
    expect(api.requests.at(-1)!.authorization).toBe(`Basic ${Buffer.from(`${EMAIL}:${API_KEY}`).toString("base64")}`);
    const viaEnv = await cli(["site-status", "get"], undefined, { COMM100_PROFILE: "work" });
    expect(viaEnv.code).toBe(0);
    const list = await cli(["profiles", "--format", "json"]);
    expect(JSON.parse(list.stdout)).toEqual([{ profile: "work", email: EMAIL, server: api.url }]);
    const missing = await cli(["agents", "list", "--profile", "nope"]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("no profile named 'nope'");
    expect((await cli(["logout", "--profile", "work"])).code).toBe(0);
    expect((await cli(["agents", "list", "--profile", "work"])).code).toBe(3);
  });

  it("does not save credentials the API refuses", async () => {
    api.prefer = "code=401";
    const r = await cli(["login", "--profile", "bad", "--user", EMAIL, "--base-url", api.url, "--with-api-key"], API_KEY);
    api.prefer = undefined;
    expect(r.code).toBe(3);
    const list = await cli(["profiles", "--format", "json"]);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it("prints a bash and a zsh completion script, answered from the command table", async () => {
    const bash = await cli(["completion", "bash"]);
    expect(bash.stdout).toContain("complete -F _comm100 comm100");
    const zsh = await cli(["completion", "zsh"]);
    expect(zsh.stdout).toContain("#compdef comm100");
    const actions = await cli(["__complete", "departments"]);
    expect(actions.stdout.split("\n")).toEqual(expect.arrayContaining(["list", "create", "update"]));
    const flags = await cli(["__complete", "departments", "create"]);
    expect(flags.stdout.split("\n")).toEqual(expect.arrayContaining(["--name", "--members"]));
  });
});
