// Shared test helpers: the built binary, an isolated environment, the mock server, and a shaping
// proxy in front of it (records requests, adds pages, injects the mock's error answers, slows down).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createMockServer } from "@comm100-sdk/mock-server";
import { run } from "../src/program.js";

export const PKG = fileURLToPath(new URL("..", import.meta.url));
export const BIN = join(PKG, "dist", "cli.js");
export const API_KEY = "test-secret-key-7f3a91";
export const EMAIL = "agent@example.com";

/** A scratch directory inside the package (gitignored .tmp/), removed by the caller. */
export function scratch(): string {
  const base = join(PKG, ".tmp");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, "t-"));
}
export const removeScratch = (dir: string) => rmSync(dir, { recursive: true, force: true });

export interface Recorded {
  method: string;
  url: string;
  body: string;
  contentType: string | undefined;
  authorization: string | undefined;
}

export interface ShapingProxy {
  url: string;
  requests: Recorded[];
  /** Pages every list answers with (ids made unique per page). */
  pages: number;
  /** Answer with the mock's quota 403 once this many list requests went through. */
  quotaAfter: number;
  /** List requests seen (compared with quotaAfter). */
  listCalls: number;
  /** `Prefer` header to add to every request (e.g. `code=404`). */
  prefer: string | undefined;
  delayMs: number;
  /** Drop chat_transcript from listed chats (so the exporter fetches each chat). */
  dropTranscripts: boolean;
  close(): Promise<void>;
}

const LIST_KEYS: Record<string, string> = { "/livechat/chats": "chats", "/livechat/offline_messages": "offline_messages" };

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

/** The mock server with a shaping proxy in front of it; close() stops both. */
export async function startApi(): Promise<ShapingProxy> {
  // Stateless: the proxy shapes the documented example answers (pages, errors).
  const mock = await createMockServer({ port: 0, stateless: true });
  const upstream = new URL(mock.url);
  const proxy: ShapingProxy = {
    url: "",
    requests: [],
    pages: 1,
    quotaAfter: Infinity,
    listCalls: 0,
    prefer: undefined,
    delayMs: 0,
    dropTranscripts: false,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await mock.close();
    },
  };
  const server: Server = createServer(async (req, res) => {
    const body = await read(req);
    const url = new URL(req.url!, "http://x");
    proxy.requests.push({
      method: req.method!,
      url: req.url!,
      body,
      contentType: req.headers["content-type"],
      authorization: req.headers.authorization,
    });
    if (proxy.delayMs) await new Promise((r) => setTimeout(r, proxy.delayMs));
    const apiPath = url.pathname.slice(upstream.pathname.length);
    const key = LIST_KEYS[apiPath];
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length") headers[k] = v;
    if (proxy.prefer) headers.prefer = proxy.prefer;
    if (key && ++proxy.listCalls > proxy.quotaAfter) headers.prefer = "code=403, example=dailyQuotaExceeded";
    const page = Number(url.searchParams.get("page") ?? 1);
    url.searchParams.delete("page"); // the mock's example is the same for every page; the proxy numbers them
    const target = `${upstream.origin}${url.pathname}${url.search}`;
    const answer = await fetch(target, { method: req.method, headers, body: body || undefined });
    let text = await answer.text();
    if (key && answer.ok) {
      const data = JSON.parse(text);
      const items = (data[key] as Record<string, unknown>[]).map((item, i) => {
        const copy = { ...item, id: `00000000-0000-4000-8000-${String(page * 1000 + i).padStart(12, "0")}` };
        if (proxy.dropTranscripts) delete (copy as Record<string, unknown>).chat_transcript;
        return copy;
      });
      text = JSON.stringify({ ...data, [key]: page <= proxy.pages ? items : [], pages: proxy.pages, total: proxy.pages * items.length });
    }
    // connection: close: a client in the test process (runInProcess) must not reuse a socket the
    // server is about to close after its keep-alive timeout (a POST is not retried: exit 6)
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json", connection: "close" });
    res.end(text);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${upstream.pathname}`;
  return proxy;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** An environment with nothing of the caller's: a fresh HOME and config dir, no COMM100_* unless given. */
export function isolatedEnv(home: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: home, XDG_CONFIG_HOME: join(home, "config"), LANG: "C.UTF-8" };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export function spawnCli(args: string[], env: Record<string, string>, cwd?: string): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env, cwd, stdio: ["pipe", "pipe", "pipe"] });
}

export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawnCli(args, env);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (c) => (stdout += c));
    child.stderr!.on("data", (c) => (stderr += c));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin!.end(input ?? "");
  });
}

let inProcessQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs a command line in this process (`run()` of src/program.ts, what the bin calls) with `env`
 * as the whole environment and stdout/stderr captured: the same answers as the built binary for
 * tests about a command's behaviour, without a Node start per command. One at a time, since the
 * environment and the streams are the process's own. The bin itself (exit status, signals, a
 * terminal, stdin) is tested with runCli.
 */
export function runInProcess(args: string[], env: Record<string, string>): Promise<RunResult> {
  const result = inProcessQueue.then(() => inProcess(args, env));
  inProcessQueue = result.catch(() => undefined);
  return result;
}

async function inProcess(args: string[], env: Record<string, string>): Promise<RunResult> {
  const savedEnv = { ...process.env };
  const setEnv = (to: Record<string, string | undefined>) => {
    for (const k of Object.keys(process.env)) if (!(k in to)) delete process.env[k];
    Object.assign(process.env, to);
  };
  const captured = { stdout: "", stderr: "" };
  const capture = (stream: "stdout" | "stderr") => {
    const original = process[stream].write;
    process[stream].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured[stream] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      (rest.find((r) => typeof r === "function") as (() => void) | undefined)?.();
      return true;
    }) as typeof original;
    return () => {
      process[stream].write = original;
    };
  };
  // a pipe, as for the bin under `| jq`: no terminal, so JSON output and no colour
  const notTerminal = (stream: "stdout" | "stderr") => {
    const was = process[stream].isTTY;
    process[stream].isTTY = false;
    return () => {
      process[stream].isTTY = was;
    };
  };
  setEnv(env);
  const restore = [capture("stdout"), capture("stderr"), notTerminal("stdout"), notTerminal("stderr")];
  try {
    const code = await run(args);
    return { code, signal: null, ...captured };
  } finally {
    for (const r of restore) r();
    setEnv(savedEnv);
  }
}
