// Property test: random malformed requests never crash the server, and every answer is a proper
// HTTP status with the Comm100 error body for 4xx. Seeded and bounded.
import { Agent, request } from "node:http";
import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { AUTH, call, listOperations, loadSpec, useMockServer } from "./helpers.js";

const RUNS = 1000;
const SEED = 20_251_125;
const operations = listOperations(loadSpec());
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
afterAll(() => agent.destroy());

interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
}

function send(url: URL, method: string, path: string, headers: Record<string, string>, body: Uint8Array | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Raw bytes on a socket: whatever comes back, if anything, must be a status line below 600. */
function sendRaw(url: URL, bytes: Uint8Array): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(bytes));
    let data = "";
    socket.setTimeout(2000, () => socket.destroy());
    socket.on("data", (d) => (data += d.toString("latin1")));
    socket.on("close", () => resolve(data));
    socket.on("error", () => resolve(data));
  });
}

/** Percent-encodes everything outside printable ASCII, byte by byte (lone surrogates included). */
const pct = (s: string) =>
  s.replace(/[^\x21-\x7e]/gu, (c) => [...Buffer.from(c, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""));

const token = fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "M-SEARCH", "PROPFIND");
const specPiece = fc.constantFrom(
  ...operations.flatMap((o) => o.path.split("/")).filter(Boolean),
  "{id}",
  "..",
  ".",
  "",
  "%00",
  "%zz",
  "%C3",
  "%E2%82",
  "%2F",
  "ünï",
  "a b",
  "\u{1F600}",
);
const randomPiece = fc.string({ maxLength: 12, unit: "grapheme" });
const segment = fc.oneof(specPiece, randomPiece).map((s) => pct(s).replace(/[?#]/g, "%3F"));
const path = fc
  .tuple(
    fc.constantFrom("/api/v1", "/api/v1", "/api/v1", "/api", "", "//api/v1"),
    fc.array(segment, { maxLength: 6 }),
    fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
  )
  .map(([root, segs, query]) => `${root}/${segs.join("/")}${query === undefined ? "" : `?${pct(query).replace(/#/g, "%23")}`}`);
// Near-valid paths: a real operation's path with random path values and its own query names.
const opPath = fc
  .tuple(
    fc.constantFrom(...operations),
    fc.array(fc.oneof(fc.constantFrom("1", "-1", "1.5", "kelly@comm100.com", "%zz", "", "9999999999999999999999"), randomPiece), {
      minLength: 3,
      maxLength: 3,
    }),
    fc.array(fc.tuple(fc.nat(20), fc.oneof(fc.constantFrom("2017-12-01T00:00:00", "+08:00", "day", "1,2", "true", "%E0"), randomPiece)), {
      maxLength: 4,
    }),
  )
  .map(([op, values, query]) => {
    let i = 0;
    const path = op.path.replace(/\{[^}]+\}/g, () => pct(values[i++] ?? ""));
    const names = op.queryParams.map((q: { name: string }) => q.name);
    const qs = names.length ? query.map(([n, v]) => `${names[n % names.length]}=${pct(v)}`).join("&") : "";
    return `/api/v1${path}${qs ? `?${qs}` : ""}`;
  });
const headerValue = fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, ""));
const authorization = fc.oneof(
  fc.constant(AUTH),
  fc.constant(AUTH),
  fc.constant(undefined),
  headerValue,
  headerValue.map((s) => `Basic ${s}`),
  fc.uint8Array({ maxLength: 30 }).map((b) => `Basic ${Buffer.from(b).toString("base64")}`),
);
const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      "application/json",
      "application/x-www-form-urlencoded",
      "text/plain",
      "multipart/form-data; boundary=x",
      "application/json; charset=latin1",
    ),
    headerValue,
  ),
  { nil: undefined },
);
const prefer = fc.option(
  fc.oneof(
    fc.constantFrom("code=403", "code=403, example=dailyQuotaExceeded", "code=999", "code=200", "example=x", "code=404"),
    headerValue,
  ),
  { nil: undefined },
);
const body = fc.option(
  fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.string({ maxLength: 200 }).map((s) => new Uint8Array(Buffer.from(s, "utf8"))),
    fc.json().map((s) => new Uint8Array(Buffer.from(s, "utf8"))),
    fc
      .dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 12 }))
      .map((d) => new Uint8Array(Buffer.from(new URLSearchParams(d).toString()))),
  ),
  { nil: undefined },
);

const method = fc.oneof({ arbitrary: fc.constantFrom("GET", "POST", "PUT", "DELETE"), weight: 3 }, { arbitrary: token, weight: 1 });
const httpCase = fc.record({
  kind: fc.constant("http" as const),
  method,
  path: fc.oneof(path, opPath, opPath),
  authorization,
  contentType,
  prefer,
  body,
});
const rawCase = fc.record({ kind: fc.constant("raw" as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 300 }) });

describe("fuzz", () => {
  const mock = useMockServer();
  const stats = { cases: 0, raw: 0, byStatus: new Map<number, number>() };

  it(`${RUNS} random malformed requests: every answer < 600, JSON {code, message} for 4xx, no crash`, async () => {
    const url = new URL(mock.url);
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: httpCase, weight: 9 }, { arbitrary: rawCase, weight: 1 }), async (c) => {
        stats.cases++;
        if (c.kind === "raw") {
          stats.raw++;
          const reply = await sendRaw(url, c.bytes);
          if (reply !== "") expect(reply).toMatch(/^HTTP\/1\.1 [1-5]\d\d /);
          return;
        }
        const headers: Record<string, string> = {};
        if (c.authorization !== undefined) headers.authorization = c.authorization;
        if (c.contentType !== undefined) headers["content-type"] = c.contentType;
        if (c.prefer !== undefined) headers.prefer = c.prefer;
        const payload = c.method === "HEAD" ? undefined : c.body;
        // Frame every body: Node's client sends a GET/DELETE body without Content-Length otherwise.
        if (payload !== undefined) headers["content-length"] = String(payload.length);
        const res = await send(url, c.method, c.path, headers, payload);
        stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(600);
        expect(res.status).not.toBe(500);
        if (res.status >= 400 && c.method !== "HEAD") {
          expect(res.contentType).toMatch(/^application\/json/);
          const json = JSON.parse(res.body.toString("utf8")) as { code: unknown; message: unknown };
          expect(Math.floor(Number(json.code) / 1000)).toBe(res.status);
          expect(typeof json.message).toBe("string");
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(
      `fuzz: ${stats.cases} cases (${stats.raw} raw socket), statuses ${JSON.stringify(Object.fromEntries([...stats.byStatus].sort()))}`,
    );
    expect(stats.cases).toBe(RUNS);
  }, 120_000);

  it("still answers a valid request afterwards", async () => {
    const res = await call(`${mock.url}/livechat/operators`);
    expect(res.status).toBe(200);
  });
});
