// Typed errors for every documented status, the daily-quota 403 and non-JSON bodies.
import { describe, expect, it } from "vitest";
import {
  Comm100ApiError,
  Comm100AuthenticationError,
  Comm100BadRequestError,
  Comm100ConnectionError,
  Comm100Error,
  Comm100InternalServerError,
  Comm100InvalidResponseError,
  Comm100NotFoundError,
  Comm100PermissionDeniedError,
  Comm100QuotaExceededError,
  createComm100Client,
} from "../src/index.js";
import { nextUtcMidnight } from "../src/internal/quota-answer.js";
import { API_KEY, clientFor, EMAIL, json, startServer } from "./helpers.js";

const cases = [
  [400, { code: 400000, message: "Parameter 'timeFrom' is required." }, Comm100BadRequestError],
  [401, { code: 401000, message: "Invalid email or API key." }, Comm100AuthenticationError],
  [403, { code: 403000, message: "You do not have permission to access this resource." }, Comm100PermissionDeniedError],
  [404, { code: 404000, message: "Agent not found." }, Comm100NotFoundError],
  [500, { code: 500000, message: "Internal error." }, Comm100InternalServerError],
  [409, { code: 409000, message: "Conflict." }, Comm100ApiError],
] as const;

describe("typed API errors (resource style throws)", () => {
  for (const [status, body, Cls] of cases) {
    it(`${status} -> ${Cls.name}`, async () => {
      const s = await startServer((_r, res) => json(res, status, body));
      const err = await clientFor(s, { retry: false })
        .agents.get("kelly@comm100.com")
        .catch((e) => e);
      expect(err).toBeInstanceOf(Cls);
      expect(err).toBeInstanceOf(Comm100ApiError);
      expect(err).toBeInstanceOf(Comm100Error);
      expect(err.constructor).toBe(Cls);
      expect(err.name).toBe(Cls.name);
      expect(err).not.toBeInstanceOf(Comm100QuotaExceededError);
      expect(err.status).toBe(status);
      expect(err.code).toBe(body.code);
      expect(err.message).toBe(body.message);
      expect(err.method).toBe("GET");
      expect(err.url).toBe(`${s.base}/livechat/operators/kelly%40comm100.com`);
      expect(err.body).toEqual(body);
    });
  }

  it("the daily-quota 403 is a Comm100QuotaExceededError with quotaResetsAt = next 00:00 UTC", async () => {
    const s = await startServer((_r, res) =>
      json(res, 403, { code: 403001, message: "The number of API requests has exceeded the daily limit." }),
    );
    const before = new Date();
    const err = await clientFor(s)
      .agents.list()
      .catch((e) => e);
    expect(err).toBeInstanceOf(Comm100QuotaExceededError);
    expect(err).toBeInstanceOf(Comm100PermissionDeniedError);
    expect(err.status).toBe(403);
    const at: Date = err.quotaResetsAt;
    expect(at).toBeInstanceOf(Date);
    expect([at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds()]).toEqual([0, 0, 0, 0]);
    expect(at.getTime()).toBeGreaterThan(before.getTime());
    expect(at.getTime() - before.getTime()).toBeLessThanOrEqual(24 * 3600 * 1000);
    expect(s.requests).toHaveLength(1); // never retried
  });

  it("a quota message without the code is detected too", async () => {
    const s = await startServer((_r, res) => json(res, 403, { code: 403000, message: "Daily API request quota used up." }));
    expect(
      await clientFor(s)
        .agents.list()
        .catch((e) => e),
    ).toBeInstanceOf(Comm100QuotaExceededError);
  });

  it("an HTML 502 from a proxy becomes a Comm100ApiError with the text body", async () => {
    const html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    const s = await startServer((_r, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(html);
    });
    const err = await clientFor(s, { retry: false })
      .agents.list()
      .catch((e) => e);
    expect(err.constructor).toBe(Comm100ApiError);
    expect(err.status).toBe(502);
    expect(err.code).toBeUndefined();
    expect(err.message).toBe("Request failed with status 502 Bad Gateway");
    expect(err.body).toBe(html);
  });

  it("an empty error body still gives a typed error", async () => {
    const s = await startServer((_r, res) => {
      res.writeHead(404, { "content-length": "0" });
      res.end();
    });
    const err = await clientFor(s)
      .agents.list()
      .catch((e) => e);
    expect(err).toBeInstanceOf(Comm100NotFoundError);
    expect(err.message).toMatch(/404/);
  });

  it("a refused connection is a Comm100ConnectionError", async () => {
    const s = await startServer();
    await s.close();
    const comm100 = createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: API_KEY, retry: false });
    const err = await comm100.agents.list().catch((e) => e);
    expect(err).toBeInstanceOf(Comm100ConnectionError);
    expect(err.message).toMatch(/ECONNREFUSED|failed/);
  });
});

describe("nextUtcMidnight", () => {
  it("is the next 00:00 UTC", () => {
    expect(nextUtcMidnight(new Date("2024-02-28T23:59:59.999Z")).toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(nextUtcMidnight(new Date("2024-12-31T00:00:00.000Z")).toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });
});

describe("malformed success bodies", () => {
  it("a 200 with a truncated JSON body throws Comm100InvalidResponseError, not a bare SyntaxError", async () => {
    const s = await startServer((_r, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('[{"id": 1, "em');
    });
    const err = await clientFor(s)
      .agents.list()
      .catch((e) => e);
    expect(err).toBeInstanceOf(Comm100InvalidResponseError);
    expect(err).toBeInstanceOf(Comm100Error);
    expect(err.status).toBe(200);
    expect(err.body).toBe('[{"id": 1, "em');
    expect(err.message).toMatch(/not valid JSON/);
    const rs = await clientFor(s)
      .GET("/livechat/operators")
      .catch((e) => e);
    expect(rs).toBeInstanceOf(Comm100InvalidResponseError);
  });
});
