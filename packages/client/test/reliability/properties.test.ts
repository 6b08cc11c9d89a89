// Property-based tests (fast-check, fixed seed): over every operation of the spec, generated
// inputs reach a recording server encoded so they decode back to themselves; generated invalid
// options and arguments end in Comm100ConfigError before any request; any Unicode credentials
// round-trip through the Basic header. One recording server for the whole file.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOperations, loadSpec, type OperationInfo } from "@comm100-sdk/spec-reader";
import { Comm100ConfigError, createComm100Client, DOMAINS, type Comm100Client } from "../../src/index.js";
import { startFaultServer, type FaultServer } from "./fault-server.js";
import { writeFigures } from "./report.js";

/** Fixed seed: a failure prints its path; rerun with the same seed to reproduce it. */
const SEED = 20_261_125;
const RUNS_PER_OPERATION = 100;
const RUNS = { credentials: 1000, options: 1500, arguments: 800 };
const MIN_CASES = 10_000;

const spec = loadSpec();
const operations = listOperations(spec);
const counts: Record<string, number> = {};
const count = (what: string) => {
  counts[what] = (counts[what] ?? 0) + 1;
};
const total = () => Object.values(counts).reduce((a, b) => a + b, 0);

const KEY = "prop-key-5a5a5a5a5a5a5a5a5a5a";
let server: FaultServer;
let client: Comm100Client;
beforeAll(async () => {
  server = await startFaultServer(() => ({ kind: "json", status: 200, body: {} }));
  client = createComm100Client({ baseUrl: server.base, email: "agent@example.com", apiKey: KEY, retry: false, timeoutMs: 10_000 });
});
afterAll(async () => {
  await server.close();
  writeFigures("properties", { seed: SEED, cases: total(), byProperty: counts, operations: operations.length });
});

type Schema = Record<string, any>;
const deref = (s: Schema | undefined): Schema => {
  let n = s ?? {};
  while (typeof n.$ref === "string")
    n = n.$ref
      .slice(2)
      .split("/")
      .reduce((o: Schema, k: string) => o[k], spec);
  return n;
};

// ---- arbitraries ------------------------------------------------------------------------------
// String.prototype.isWellFormed (ES2024) is in Node 20 but not in the ES lib this package targets
const wellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();
/** Text with the characters URLs and forms treat specially, Unicode and emoji. */
const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 16 }),
  fc.string({
    unit: fc.constantFrom("/", "?", "#", "%", "&", "=", "+", ",", " ", ";", ":", "@", "é", "中", "🔑", "\u0000", "\n", "a", "."),
    maxLength: 12,
  }),
  fc.string({ unit: "binary", maxLength: 12 }).filter(wellFormed),
);
const pathValue = fc
  .oneof(
    fc.emailAddress(),
    text.filter((s) => s.length > 0),
    fc.constantFrom("a/b", "?x=1", "#frag", "100%", "a b", "...", "%2F", "é/ü?#%", "../x", "kelly+tag@comm100.com"),
    fc.nat().map(String),
  )
  .filter((s) => s !== "." && s !== "..");
const scalar = fc.oneof(text, fc.integer(), fc.boolean());

function valueFor(schema: Schema): fc.Arbitrary<unknown> {
  const s = deref(schema);
  if (s.type === "array") return fc.array(valueFor(s.items), { maxLength: 5 });
  if (s.type === "integer") return fc.integer();
  if (s.type === "number")
    return fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
    );
  if (s.type === "boolean") return fc.boolean();
  if (s.type === "object") {
    const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, valueFor(v as Schema)]));
    return fc.record(props, { requiredKeys: (s.required ?? []) as never[] });
  }
  return text;
}

function argsFor(op: OperationInfo) {
  const path = fc.tuple(...op.pathParams.map(() => pathValue));
  const query = fc.record(Object.fromEntries(op.queryParams.map((q) => [q.name, scalar])), { requiredKeys: [] });
  const body = op.body ? valueFor(op.body.schema) : fc.constant(undefined);
  return fc.record({ path, query, body });
}

function call(op: OperationInfo, path: string[], params: unknown) {
  const fn = (client as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>)[op.namespace]![op.methodName]!;
  return fn(...path, params);
}

// ---- valid inputs, every operation --------------------------------------------------------------
describe(`encoding properties (seed ${SEED})`, () => {
  it("the spec has operations to drive the properties, one property per operation", () => {
    const inSpec = Object.values(spec.paths ?? {}).flatMap((item) =>
      ["get", "put", "post", "delete", "patch"].filter((m) => (item as Record<string, unknown>)[m]),
    );
    expect(operations.length).toBeGreaterThan(0);
    expect(operations).toHaveLength(inSpec.length);
  });

  for (const op of operations) {
    it(`${op.method} ${op.path} (${op.namespace}.${op.methodName}): ${RUNS_PER_OPERATION} generated inputs reach the server as sent [seed ${SEED}]`, async () => {
      await fc.assert(
        fc.asyncProperty(argsFor(op), async ({ path, query, body }) => {
          count("operation inputs");
          const before = server.requests.length;
          const isJson = op.body?.contentType === "application/json";
          await call(op, path, isJson ? body : { ...query, ...(body as object) });
          const seen = server.requests.slice(before);
          expect(seen.length).toBe(1);
          const req = seen[0]!;
          expect(req.method).toBe(op.method);
          const q = req.url.indexOf("?");
          const rawPath = q < 0 ? req.url : req.url.slice(0, q);
          // path: same segments as the template; each parameter decodes back to its value
          const template = `/api/v1${op.path}`.split("/");
          const segments = rawPath.split("/");
          expect(segments.length).toBe(template.length);
          let i = 0;
          template.forEach((t, at) => {
            if (t.startsWith("{")) expect(decodeURIComponent(segments[at]!)).toBe(String(path[i++]));
            else expect(segments[at]).toBe(t);
          });
          // query: round-trips through URLSearchParams, nothing else added
          const sentQuery = new URLSearchParams(q < 0 ? "" : req.url.slice(q + 1));
          const expected = isJson || !op.body ? query : {};
          const defined = Object.entries(expected as Record<string, unknown>).filter(([, v]) => v !== undefined);
          expect([...new Set(sentQuery.keys())].sort()).toEqual(defined.map(([k]) => k).sort());
          for (const [k, v] of defined) expect(sentQuery.getAll(k)).toEqual([String(v)]);
          // bodies
          if (!op.body) {
            expect(req.body.length).toBe(0);
          } else if (isJson) {
            expect(req.headers["content-type"]).toMatch(/^application\/json/);
            expect(JSON.parse(req.body.toString("utf8"))).toEqual(body);
          } else {
            expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
            const form = new URLSearchParams(req.body.toString("utf8"));
            const fields = Object.entries({ ...(query as object), ...(body as object) }).filter(([, v]) => v !== undefined);
            const keys = new Set<string>();
            for (const [k, v] of fields) {
              if (Array.isArray(v) && op.body.listFields.includes(k)) {
                expect(form.getAll(k)).toEqual([v.map(String).join(",")]);
                keys.add(k);
              } else if (Array.isArray(v)) {
                expect(form.getAll(k)).toEqual(v.map(String));
                if (v.length) keys.add(k);
              } else {
                expect(form.getAll(k)).toEqual([String(v)]);
                keys.add(k);
              }
            }
            expect(new Set(form.keys())).toEqual(keys);
          }
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    });
  }
});

// ---- credentials ------------------------------------------------------------------------------
describe(`credential properties (seed ${SEED})`, () => {
  it(`any Unicode email (without ':') and key round-trip through the Basic header: ${RUNS.credentials} cases [seed ${SEED}]`, async () => {
    const unicode = fc.oneof(
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 24 }),
      fc.string({ unit: "binary", minLength: 1, maxLength: 24 }).filter(wellFormed),
    );
    await fc.assert(
      fc.asyncProperty(
        unicode.filter((s) => !s.includes(":")),
        unicode,
        async (email, apiKey) => {
          count("credentials");
          const before = server.requests.length;
          await createComm100Client({ baseUrl: server.base, email, apiKey, retry: false }).GET("/livechat/operators");
          const header = String(server.requests[before]!.headers.authorization);
          expect(header.startsWith("Basic ")).toBe(true);
          const decoded = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(header.slice(6), "base64"));
          expect(decoded).toBe(`${email}:${apiKey}`);
          expect(decoded.slice(0, decoded.indexOf(":"))).toBe(email);
        },
      ),
      { seed: SEED, numRuns: RUNS.credentials, endOnFailure: true },
    );
  });
});

// ---- invalid options and arguments ------------------------------------------------------------
const notString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.object({ maxDepth: 1 }),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.constant(Symbol("x")),
);
const nonLoopbackHost = fc.oneof(
  fc.domain().filter((d) => d !== "localhost"),
  fc.ipV4().filter((ip) => !ip.startsWith("127.")),
  fc.constantFrom(
    "10.0.0.1",
    "192.168.1.1",
    "0.0.0.0",
    "[::]",
    "[fe80::1]",
    "127.0.0.1.example.com",
    "localhost.example.com",
    "[::ffff:7f00:1]",
  ),
);
const badOptions = fc.oneof(
  // (null and undefined mean "not set": the default domain)
  fc.record({
    kind: fc.constant("domain"),
    domain: fc.oneof(fc.string(), notString).filter((d) => d !== null && !(DOMAINS as readonly unknown[]).includes(d)),
  }),
  fc.record({
    kind: fc.constant("http baseUrl"),
    baseUrl: fc
      .tuple(nonLoopbackHost, fc.option(fc.integer({ min: 1, max: 65535 })))
      .map(([h, p]) => `http://${h}${p ? `:${p}` : ""}/api/v1`),
  }),
  fc.record({
    kind: fc.constant("baseUrl"),
    baseUrl: fc.oneof(
      fc.string().filter((s) => !URL.canParse(s)),
      fc.integer(),
      fc.object({ maxDepth: 1 }),
      fc.constantFrom(
        "ftp://127.0.0.1/",
        "file:///etc/passwd",
        "https://u:p@example.com/api/v1",
        "https://example.com/api/v1?x=1",
        "javascript:alert(1)",
      ),
    ),
  }),
  fc.record({ kind: fc.constant("empty email"), email: fc.constant("") }),
  fc.record({ kind: fc.constant("empty key"), apiKey: fc.constant("") }),
  fc.record({ kind: fc.constant("email type"), email: notString }),
  fc.record({ kind: fc.constant("key type"), apiKey: notString }),
  fc.record({
    kind: fc.constant("timeoutMs"),
    timeoutMs: fc.oneof(fc.integer({ max: 0 }), fc.constant(Number.NaN), fc.string(), fc.boolean(), fc.object({ maxDepth: 0 })),
  }),
  fc.record({
    kind: fc.constant("retries"),
    retry: fc.record({
      retries: fc.oneof(
        fc.integer({ max: -1 }),
        fc.double({ min: 0.1, max: 9.9 }).filter((x) => !Number.isInteger(x)),
        fc.string(),
        fc.constant(Number.NaN),
      ),
    }),
  }),
  fc.record({
    kind: fc.constant("domain and baseUrl"),
    domain: fc.constantFrom(...DOMAINS),
    baseUrl: fc.constant("https://proxy.example.com/api/v1"),
  }),
  fc.record({
    kind: fc.constant("middleware"),
    middleware: fc.oneof(
      fc.string({ minLength: 1 }),
      fc.array(
        fc.oneof(
          fc.integer().filter((x) => x !== 0),
          fc.string({ minLength: 1 }),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    ),
  }), // (falsy entries are skipped)
);

describe(`invalid input properties (seed ${SEED})`, () => {
  it(`bad options throw Comm100ConfigError at creation, never send, never hold the key: ${RUNS.options} cases [seed ${SEED}]`, () => {
    fc.assert(
      fc.property(badOptions, ({ kind, ...bad }) => {
        count("invalid options");
        let calls = 0;
        const opts = {
          email: "agent@example.com",
          apiKey: KEY,
          fetch: () => {
            calls++;
            return Promise.reject(new Error("no"));
          },
          ...bad,
        } as Record<string, unknown>;
        if (kind === "baseUrl" || kind === "http baseUrl") delete opts.domain;
        let err: unknown;
        try {
          createComm100Client(opts as never);
        } catch (e) {
          err = e;
        }
        expect(err, `${kind}: ${String(JSON.stringify(bad) ?? bad)}`).toBeInstanceOf(Comm100ConfigError);
        expect(`${String(err)} ${(err as Error).stack}`).not.toContain(KEY);
        expect(calls).toBe(0);
      }),
      { seed: SEED, numRuns: RUNS.options, endOnFailure: true },
    );
  });

  const loneSurrogate = fc.constantFrom("\uD800", "a\uDBFF", "\uDC00b", "x\uDFFFy");
  const badArgs = fc.oneof(
    fc.record({ kind: fc.constant("dot segment"), value: fc.constantFrom(".", "..") }),
    fc.record({ kind: fc.constant("missing path parameter"), value: fc.constantFrom(undefined, null, "") }),
    fc.record({ kind: fc.constant("lone surrogate path"), value: loneSurrogate }),
    fc.record({ kind: fc.constant("symbol path"), value: fc.constant(Symbol("p")) }),
    fc.record({ kind: fc.constant("lone surrogate query"), value: loneSurrogate }),
    fc.record({ kind: fc.constant("lone surrogate form"), value: loneSurrogate }),
    fc.record({
      kind: fc.constant("bad header"),
      value: fc
        .tuple(fc.string({ maxLength: 5 }), fc.constantFrom("\n", "\r", "\u0000"), fc.string({ maxLength: 5 }))
        .map(([a, c, b]) => `a${a}${c}${b}b`),
    }),
    fc.record({
      kind: fc.constant("bad signal"),
      value: fc.oneof(
        fc.object({ maxDepth: 0 }),
        fc.string(),
        fc.integer().filter((x) => x !== 0),
      ),
    }),
  );
  const withPath = operations.filter((op) => op.pathParams.length > 0);
  const formOps = operations.filter((op) => op.body?.contentType === "application/x-www-form-urlencoded");

  it(`bad call arguments reject with Comm100ConfigError before any request: ${RUNS.arguments} cases [seed ${SEED}]`, async () => {
    await fc.assert(
      fc.asyncProperty(badArgs, fc.nat(), async ({ kind, value }, pick) => {
        count("invalid arguments");
        let calls = 0;
        const c = createComm100Client({
          baseUrl: server.base,
          email: "agent@example.com",
          apiKey: KEY,
          retry: false,
          fetch: (r) => {
            calls++;
            return globalThis.fetch(r);
          },
        }) as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;
        let p: Promise<unknown>;
        if (kind === "lone surrogate form") {
          const op = formOps[pick % formOps.length]!;
          p = c[op.namespace]![op.methodName]!(...op.pathParams.map(() => "1"), { name: value, email: value, conversion_name: value });
        } else if (kind === "lone surrogate query") {
          p = c.reports!.getChatVolume!({ timeFrom: value });
        } else if (kind === "bad header") {
          p = c.agents!.list!({}, { headers: { "x-trace": value } });
        } else if (kind === "bad signal") {
          p = c.agents!.list!({}, { signal: value });
        } else {
          const op = withPath[pick % withPath.length]!;
          const args = op.pathParams.map(() => "1");
          args[pick % args.length] = value as string;
          p = c[op.namespace]![op.methodName]!(...args, op.body?.contentType === "application/json" ? [] : {});
        }
        const err = await p.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err, kind).toBeInstanceOf(Comm100ConfigError);
        expect(calls).toBe(0);
        expect(`${String(err)} ${(err as Error).stack}`).not.toContain(KEY);
      }),
      { seed: SEED, numRuns: RUNS.arguments, endOnFailure: true },
    );
  });
});

describe("case count", () => {
  it(`generated at least ${MIN_CASES} cases in this run [seed ${SEED}]`, () => {
    console.log(`property cases generated: ${total()} (${JSON.stringify(counts)}), seed ${SEED}`);
    expect(total()).toBeGreaterThanOrEqual(MIN_CASES);
  });
});
