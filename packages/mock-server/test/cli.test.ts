// The comm100-mock CLI, as built: prints its base URL, serves, stops on SIGTERM. (How fast it
// starts is logged here, not asserted: a loaded machine makes any bound flaky.)
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { call } from "./helpers.js";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
let child: ChildProcessWithoutNullStreams | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  child = undefined;
});

function start(args: string[]): Promise<{ url: string; ms: number; output: () => string }> {
  const t0 = performance.now();
  child = spawn(process.execPath, [CLI, ...args], { stdio: "pipe" });
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL line within 20 s:\n${out}`)), 20_000);
    child!.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/api\/v1)\b/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, ms: performance.now() - t0, output: () => out });
      }
    });
    child!.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child!.on("exit", (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

describe("comm100-mock CLI", () => {
  it("is built, with a shebang", () => {
    expect(existsSync(CLI), "run `pnpm --filter @comm100-sdk/mock-server build` first").toBe(true);
  });

  it("--port 0 prints the base URL, serves requests and logs them", async () => {
    const { url, ms, output } = await start(["--port", "0"]);
    console.log(`CLI startup (spawn to URL line): ${ms.toFixed(0)} ms`);
    const res = await call(`${url}/livechat/operators`);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json)).toBe(true);
    expect((await call(`${url}/livechat/operators`, { auth: false })).status).toBe(401);
    await expect.poll(output, { timeout: 10_000 }).toContain("GET /api/v1/livechat/operators -> 200 (listAgents)");
    const exited = new Promise<number | null>((r) => child!.on("exit", (code) => r(code)));
    child!.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("--help prints usage; a bad port exits 1", () => {
    const help = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("comm100-mock");
    const bad = spawnSync(process.execPath, [CLI, "--port", "nope"], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--port");
  });

  it("--account, --quota and --now: wrong credentials 401, the quota 403 after N requests", async () => {
    const { url } = await start([
      "--port",
      "0",
      "--quiet",
      "--account",
      "lead@example.com:k:1",
      "--quota",
      "2",
      "--now",
      "2026-12-01T23:00:00Z",
    ]);
    const as = (email: string, key: string) =>
      call(`${url}/livechat/operators`, {
        auth: false,
        headers: { authorization: `Basic ${Buffer.from(`${email}:${key}`).toString("base64")}` },
      });
    expect((await as("lead@example.com", "wrong")).status).toBe(401);
    expect((await as("lead@example.com", "k:1")).status).toBe(200);
    expect((await as("lead@example.com", "k:1")).status).toBe(200);
    expect((await as("lead@example.com", "k:1")).json).toMatchObject({ code: 403001 });
    const snap = await call(`${new URL(url).origin}/__admin/snapshot`, { auth: false });
    expect(snap.json).toMatchObject({ accounts: ["lead@example.com"], quota: { limit: 2, resetsAt: "2026-12-02T00:00:00.000Z" } });
  });

  it("bad --quota, --now or --account values exit 1 naming the flag", () => {
    for (const [flag, value] of [
      ["--quota", "-3"],
      ["--now", "later"],
      ["--account", "no-colon"],
      ["--seed", "x"],
    ] as const) {
      const bad = spawnSync(process.execPath, [CLI, "--port", "0", flag, value], { encoding: "utf8" });
      expect(bad.status, `${flag} ${value}`).toBe(1);
      expect(bad.stderr).toContain(flag);
    }
  });

  it("--stateless answers the spec's examples to any credentials; --data starts from a file", async () => {
    const stateless = await start(["--port", "0", "--quiet", "--stateless"]);
    const anyKey = `Basic ${Buffer.from("someone@example.com:whatever").toString("base64")}`;
    const dept = await call(`${stateless.url}/livechat/departments/999`, { auth: false, headers: { authorization: anyKey } });
    expect(dept.status).toBe(200); // the documented example, whatever the id
    child!.kill("SIGKILL");

    const dir = mkdtempSync(join(tmpdir(), "comm100-mock-cli-"));
    try {
      const file = join(dir, "data.json");
      writeFileSync(file, JSON.stringify({ departments: [{ id: 3, name: "Helpdesk" }] }));
      const own = await start(["--port", "0", "--quiet", "--data", file]);
      expect(own.output()).toContain("Default account: agent@example.com, API key mock-api-key");
      expect((await call(`${own.url}/livechat/departments`)).json).toEqual([{ id: 3, name: "Helpdesk", members: [] }]);
      expect((await call(`${own.url}/livechat/departments/999`)).status).toBe(404);
      child!.kill("SIGKILL");
      writeFileSync(file, JSON.stringify({ departments: [{ id: "x" }] }));
      const bad = spawnSync(process.execPath, [CLI, "--port", "0", "--data", file], { encoding: "utf8" });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain("data.departments[0]");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
