// Every documented sample request (spec/reference/samples, test data with provenance) is
// reproduced on the wire through the resource style: method, path, query, body, auth header.
// Driven by the sample files and the spec's operations; nothing is listed by hand.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listOperations, inventoryFile, samplesDir } from "@comm100-sdk/spec-reader";
import { createComm100Client } from "../src/index.js";
import { basicOf, clientFor, EMAIL, API_KEY, startServer } from "./helpers.js";

const dir = samplesDir;
const present = existsSync(dir);

interface Sample {
  method: string;
  path: string;
  request: null | {
    pathParams: Record<string, string>;
    query: Record<string, string>;
    bodyFormat: null | "form" | "json";
    body: unknown;
  };
  response: unknown;
}

const ops = listOperations();
/** The inventory's endpoint count: once the spec has them all, every sample must map to an operation. */
const total = present
  ? Number(/\*\*Total public endpoints\*\*\s*\|\s*\*\*(\d+)\*\*/.exec(readFileSync(inventoryFile, "utf8"))?.[1] ?? Infinity)
  : Infinity;
const specComplete = ops.length >= total;
const files = present
  ? readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];
/** Form values are written as curl sends them (`+` is a space, %XX escapes). */
const formDecode = (v: string) => decodeURIComponent(v.replace(/\+/g, " "));

describe("documented samples on the wire", () => {
  it("finds the documented samples in the repository (spec/reference/samples)", () => {
    expect(present, dir).toBe(true);
  });
  it("there are samples, and every spec operation is known to the client", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(ops.length).toBeGreaterThan(0);
    // a client that is never called: only its shape is looked at
    const client = createComm100Client({ baseUrl: "http://127.0.0.1:9/api/v1", email: EMAIL, apiKey: API_KEY }) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    const unknown = ops.filter((o) => typeof client[o.namespace]?.[o.methodName] !== "function").map((o) => o.operationId);
    expect(unknown).toEqual([]);
  });

  for (const file of files) {
    const sample = JSON.parse(readFileSync(dir + file, "utf8")) as Sample;
    const path = sample.path.replace(/^\/api\/v1/, "");
    const op = ops.find((o) => o.method === sample.method && o.path === path);
    if (!op) {
      // While the spec is being written some samples have no operation yet; once it has every
      // documented endpoint, a sample without one is a failure.
      (specComplete ? it : it.skip)(`${file}: ${sample.method} ${path} is in the spec`, () => {
        expect(op, `no operation for ${sample.method} ${path}`).toBeDefined();
      });
      continue;
    }
    it(`${file} -> ${op.namespace}.${op.methodName}`, async () => {
      const response = sample.response;
      const s = await startServer((_r, res) => {
        if (response === null) {
          res.writeHead(200, { "content-length": "0" });
          res.end();
        } else {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(response));
        }
      });
      const comm100 = clientFor(s) as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;
      const req = sample.request;
      const args: unknown[] = op.pathParams.map((p) => req?.pathParams[p]);
      let params: unknown;
      if (req?.bodyFormat === "json") params = req.body;
      else if (req) {
        const p: Record<string, unknown> = { ...req.query };
        if (req.bodyFormat === "form") {
          for (const [k, v] of Object.entries(req.body as Record<string, string>)) {
            const value = formDecode(v);
            // a list field takes an array, joined again with commas on the wire
            p[k] = op.body?.listFields.includes(k) ? value.split(",") : value;
          }
        }
        if (Object.keys(p).length) params = p;
      }
      if (params !== undefined) args.push(params);
      const fn = comm100[op.namespace]?.[op.methodName];
      expect(fn, `comm100.${op.namespace}.${op.methodName}`).toBeTypeOf("function");
      const data = await fn!(...args);

      expect(s.requests).toHaveLength(1);
      const r = s.requests[0]!;
      expect(r.method).toBe(sample.method);
      const expectedPath = sample.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(req!.pathParams[name]!));
      expect(r.path).toBe(expectedPath);
      expect(decodeURIComponent(r.path)).toBe(sample.path.replace(/\{([^}]+)\}/g, (_m, name: string) => req!.pathParams[name]!));
      expect(Object.fromEntries(r.query)).toEqual(req?.query ?? {});
      expect(r.headers.authorization).toBe(basicOf(EMAIL, API_KEY));
      if (req?.bodyFormat === "form") {
        expect(r.headers["content-type"]).toBe("application/x-www-form-urlencoded");
        const sent = new URLSearchParams(r.body.toString());
        const expected = Object.fromEntries(Object.entries(req.body as Record<string, string>).map(([k, v]) => [k, formDecode(v)]));
        expect(Object.fromEntries(sent)).toEqual(expected);
        // list fields go out with literal commas, exactly like the docs' curl
        for (const k of op.body?.listFields ?? [])
          if (k in expected) expect(r.body.toString()).toContain(`${k}=${(req.body as Record<string, string>)[k]}`);
      } else if (req?.bodyFormat === "json") {
        expect(r.headers["content-type"]).toBe("application/json");
        expect(JSON.parse(r.body.toString())).toEqual(req.body);
      } else {
        expect(r.body.length).toBe(0);
      }
      expect(data).toEqual(response ?? undefined);
    });
  }
});
