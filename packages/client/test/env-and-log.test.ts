// Credentials and host from COMM100_* when the options leave them out, and log levels
// (`logLevel`, COMM100_LOG) with the redaction of every other log event.
import { afterEach, describe, expect, it, vi } from "vitest";
import { Comm100ConfigError, createComm100Client, type Comm100Logger } from "../src/index.js";
import { API_KEY, basicOf, EMAIL, json, startServer } from "./helpers.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("options from the environment", () => {
  it("COMM100_EMAIL, COMM100_API_KEY and COMM100_BASE_URL fill in left-out options", async () => {
    const s = await startServer((_r, res) => json(res, 200, []));
    vi.stubEnv("COMM100_EMAIL", EMAIL);
    vi.stubEnv("COMM100_API_KEY", API_KEY);
    vi.stubEnv("COMM100_BASE_URL", s.base);
    await createComm100Client().departments.list();
    expect(s.requests[0]!.headers.authorization).toBe(basicOf(EMAIL, API_KEY));
    await s.close();
  });

  it("options win over the environment; a left-out host does not mix with a given one", async () => {
    const s = await startServer((_r, res) => json(res, 200, []));
    vi.stubEnv("COMM100_EMAIL", "env@example.com");
    vi.stubEnv("COMM100_API_KEY", "env-key-0000");
    vi.stubEnv("COMM100_DOMAIN", "euportal.comm100.com");
    await createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: API_KEY }).departments.list();
    expect(s.requests[0]!.headers.authorization).toBe(basicOf(EMAIL, API_KEY));
    await s.close();
  });

  it("COMM100_DOMAIN picks the host; an unknown one, or both host variables, is a Comm100ConfigError", async () => {
    const seen: string[] = [];
    const fetch = async (req: Request) => {
      seen.push(new URL(req.url).host);
      return new Response("[]", { headers: { "content-type": "application/json" } });
    };
    vi.stubEnv("COMM100_DOMAIN", "euportal.comm100.com");
    await createComm100Client({ email: EMAIL, apiKey: API_KEY, fetch }).departments.list();
    expect(seen).toEqual(["euportal.comm100.com"]);
    vi.stubEnv("COMM100_DOMAIN", "example.org");
    expect(() => createComm100Client({ email: EMAIL, apiKey: API_KEY })).toThrow(/Unknown `domain` "example.org"/);
    vi.stubEnv("COMM100_DOMAIN", "euportal.comm100.com");
    vi.stubEnv("COMM100_BASE_URL", "http://127.0.0.1:9/api/v1");
    expect(() => createComm100Client({ email: EMAIL, apiKey: API_KEY })).toThrow("COMM100_DOMAIN and COMM100_BASE_URL are both set");
  });

  it("without options or environment the error names both ways, and never shows a key", () => {
    vi.stubEnv("COMM100_EMAIL", "");
    vi.stubEnv("COMM100_API_KEY", "");
    expect(() => createComm100Client()).toThrow(Comm100ConfigError);
    expect(() => createComm100Client()).toThrow("(or set COMM100_EMAIL)");
    vi.stubEnv("COMM100_EMAIL", EMAIL);
    expect(() => createComm100Client()).toThrow("(or set COMM100_API_KEY)");
  });
});

describe("log levels", () => {
  /** A server that fails once with 503 (a retry: info), then answers (request/response: debug). */
  const flaky = () => startServer((_r, res, n) => (n === 1 ? json(res, 503, { code: 503000, message: "busy" }) : json(res, 200, [])));
  const recorder = () => {
    const events: string[] = [];
    const logger: Comm100Logger = {
      debug: (m) => events.push(`debug ${m}`),
      info: (m) => events.push(`info ${m}`),
    };
    return { events, logger };
  };
  const retry = { retries: 1, minDelayMs: 1, maxDelayMs: 1 };

  it("a logger without logLevel gets every event, as before levels existed", async () => {
    const s = await flaky();
    const { events, logger } = recorder();
    await createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: API_KEY, logger, retry }).departments.list();
    expect(events).toEqual([
      "debug comm100 request",
      "debug comm100 response",
      "info comm100 retry",
      "debug comm100 request",
      "debug comm100 response",
    ]);
    await s.close();
  });

  it("logLevel info keeps retries and drops request/response; off drops all", async () => {
    const s = await flaky();
    const a = recorder();
    await createComm100Client({
      baseUrl: s.base,
      email: EMAIL,
      apiKey: API_KEY,
      logger: a.logger,
      logLevel: "info",
      retry,
    }).departments.list();
    expect(a.events).toEqual(["info comm100 retry"]);
    const b = recorder();
    await createComm100Client({
      baseUrl: s.base,
      email: EMAIL,
      apiKey: API_KEY,
      logger: b.logger,
      logLevel: "off",
      retry,
    }).departments.list();
    expect(b.events).toEqual([]);
    await s.close();
  });

  it("COMM100_LOG=debug without a logger writes to the console, the key redacted", async () => {
    const s = await flaky();
    vi.stubEnv("COMM100_LOG", "debug");
    const lines: string[] = [];
    vi.spyOn(console, "debug").mockImplementation((...a: unknown[]) => void lines.push(JSON.stringify(a)));
    vi.spyOn(console, "info").mockImplementation((...a: unknown[]) => void lines.push(JSON.stringify(a)));
    await createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: API_KEY, retry }).departments.list();
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain("Basic [REDACTED]");
    const all = lines.join("\n");
    expect(all).not.toContain(API_KEY);
    expect(all).not.toContain(basicOf(EMAIL, API_KEY).slice(6));
    await s.close();
  });

  it("an unknown level is a Comm100ConfigError", () => {
    expect(() =>
      createComm100Client({ baseUrl: "http://127.0.0.1:9/api/v1", email: EMAIL, apiKey: API_KEY, logLevel: "loud" as never }),
    ).toThrow(/`logLevel` \(or COMM100_LOG\) must be one of off, error, warn, info, debug/);
    vi.stubEnv("COMM100_LOG", "verbose");
    expect(() => createComm100Client({ baseUrl: "http://127.0.0.1:9/api/v1", email: EMAIL, apiKey: API_KEY })).toThrow(Comm100ConfigError);
  });
});
