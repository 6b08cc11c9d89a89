// The binary on a real terminal, under tmux (Debian package; .ci/run installs it): the export's
// progress bar, the no-echo API key prompt of `login`, and no colours with NO_COLOR. Each test has
// its own tmux server (-L with a unique socket name), killed afterwards.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, BIN, EMAIL, isolatedEnv, removeScratch, scratch, startApi, type ShapingProxy } from "./helpers.js";

let api: ShapingProxy;
let home: string;
const servers: string[] = [];

beforeAll(async () => {
  execFileSync("tmux", ["-V"]); // fails loudly when tmux is missing
  api = await startApi();
  home = scratch();
});
afterEach(() => {
  while (servers.length) {
    try {
      execFileSync("tmux", ["-L", servers.pop()!, "kill-server"], { stdio: "ignore" });
    } catch {
      /* already gone */
    }
  }
  api.pages = 1;
  api.delayMs = 0;
});
afterAll(async () => {
  await api.close();
  removeScratch(home);
});

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Starts `node BIN args` in a new tmux server and session; the pane stays after the command ends. */
function terminal(args: string[], env: Record<string, string>) {
  const socket = `comm100-cli-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  servers.push(socket);
  const command = `${sq(process.execPath)} ${sq(BIN)} ${args.map(sq).join(" ")}; echo "EXIT:$?"; sleep 600`;
  const tmuxEnv = { ...env, TERM: "xterm-256color" };
  execFileSync("tmux", ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "160", "-y", "40", command], {
    env: tmuxEnv,
  });
  const tmux = (...a: string[]) => execFileSync("tmux", ["-L", socket, ...a], { env: tmuxEnv, encoding: "utf8" });
  return {
    capture: (escapes = false) => tmux("capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", "t"),
    keys: (...k: string[]) => tmux("send-keys", "-t", "t", ...k),
    async waitFor(pattern: RegExp, escapes = false, timeoutMs = 40_000): Promise<string> {
      const started = Date.now();
      for (;;) {
        const screen = this.capture(escapes);
        if (pattern.test(screen)) return screen;
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}; screen:\n${screen}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

const withApi = (extra: Record<string, string> = {}) =>
  isolatedEnv(home, { COMM100_BASE_URL: api.url, COMM100_EMAIL: EMAIL, COMM100_API_KEY: API_KEY, ...extra });

describe("on a terminal", () => {
  it("export shows a progress bar with counts, rate and pages on stderr", async () => {
    api.pages = 6;
    api.delayMs = 400;
    const t = terminal(["export", "chats", "--from", "2026-11-01", "--to", "2026-11-30", "--out", join(home, "tty.jsonl")], withApi());
    const during = await t.waitFor(/chats \[[^\]]+\] \d+% \| \d+\/\d+ \| \d+\.\d\/s \| page [1-5]\/6/);
    expect(during).not.toContain("EXIT:");
    const end = await t.waitFor(/EXIT:\d+/);
    expect(end).toContain("EXIT:0");
    expect(end).toMatch(/100% \| (\d+)\/\1 \| [\d.]+\/s \| page 6\/6/);
    expect(end).toMatch(/Exported \d+ chats/);
  });

  it("login reads the API key without echoing it", async () => {
    const env = isolatedEnv(home, { XDG_CONFIG_HOME: join(home, "tty-config") });
    const t = terminal(["login", "--profile", "tty", "--base-url", api.url], env);
    await t.waitFor(/Agent email:/); // tmux trims the trailing space
    t.keys("-l", EMAIL);
    t.keys("Enter");
    await t.waitFor(/API key \(not shown\):/);
    t.keys("-l", API_KEY);
    await new Promise((r) => setTimeout(r, 500));
    const typing = t.capture();
    expect(typing).toContain(EMAIL); // the email is echoed, as a visible answer
    expect(typing).not.toContain(API_KEY);
    expect(typing).not.toMatch(/\*{4,}/); // not even its length
    t.keys("Enter");
    const end = await t.waitFor(/EXIT:\d+/);
    expect(end).toContain("EXIT:0");
    expect(end).toContain("Saved profile 'tty'");
    expect(end).not.toContain(API_KEY);
    const saved = JSON.parse(readFileSync(join(home, "tty-config", "comm100", "config.json"), "utf8"));
    expect(saved.profiles.tty).toEqual({ email: EMAIL, apiKey: API_KEY, baseUrl: api.url });
  });

  it("colours errors and table headers on a terminal, and none with NO_COLOR", async () => {
    const colored = terminal(["agents", "list"], withApi());
    const table = await colored.waitFor(/EXIT:\d+/, true);
    expect(table).toMatch(/\u001b\[1m[A-Z_ ]*EMAIL/); // bold header
    const err = terminal(["chats", "list", "--date-frm", "2026-11-01"], withApi());
    expect(await err.waitFor(/EXIT:2/, true)).toMatch(/\u001b\[31merror:/);

    for (const args of [
      ["agents", "list"],
      ["chats", "list", "--date-frm", "2026-11-01"],
    ]) {
      const plain = terminal(args, withApi({ NO_COLOR: "1" }));
      const screen = await plain.waitFor(/EXIT:\d+/, true);
      expect(screen).toMatch(/EMAIL|error:/);
      expect(screen).not.toMatch(/\u001b\[[0-9;]*m/);
    }
  });
});
