// Every operation of the spec is a resource method that sends its method and path.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { recordCoverage, listOperations } from "@comm100-sdk/spec-reader";
import { clientFor, json, startServer } from "./helpers.js";

const ops = listOperations();

describe("resource style", () => {
  it("has a method per operation, sending the operation's method and path", async () => {
    const s = await startServer((_r, res) => json(res, 200, {}));
    const comm100 = clientFor(s) as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;
    const done: string[] = [];
    for (const op of ops) {
      const fn = comm100[op.namespace]?.[op.methodName];
      expect(fn, `${op.namespace}.${op.methodName}`).toBeTypeOf("function");
      const values = op.pathParams.map((p, i) => `${p}-${i} x@y`);
      const before = s.requests.length;
      await fn!(...values, op.body?.contentType === "application/json" ? [] : undefined);
      const r = s.requests[before]!;
      expect(r.method).toBe(op.method);
      let i = 0;
      expect(r.path).toBe(`/api/v1${op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[i++]!))}`);
      done.push(op.operationId);
    }
    expect(done).toHaveLength(ops.length);
    recordCoverage(fileURLToPath(new URL("..", import.meta.url)), "client resource methods on the wire", done);
  });

  it("namespaces and methods are exactly the spec's", () => {
    const comm100 = clientFor({ base: "http://127.0.0.1:9/api/v1" } as never) as unknown as Record<string, unknown>;
    const expected = new Set(ops.map((o) => o.namespace));
    for (const ns of expected) {
      const names = Object.keys(comm100[ns] as object).sort();
      const want = ops
        .filter((o) => o.namespace === ns)
        .flatMap((o) =>
          o.queryParams.some((q) => q.name === "page") ? [o.methodName, `${o.methodName}All`, `${o.methodName}Pages`] : [o.methodName],
        );
      expect(names).toEqual(want.sort());
    }
    const extra = Object.keys(comm100).filter((k) => !expected.has(k));
    expect(extra.sort()).toEqual(["DELETE", "GET", "POST", "PUT", "eject", "quota", "use"]);
  });

  it("agents.get returns the data", async () => {
    const agent = { id: 2, email: "kelly@comm100.com", display_name: "Kelly" };
    const s = await startServer((_r, res) => json(res, 200, agent));
    expect(await clientFor(s).agents.get("kelly@comm100.com")).toEqual(agent);
  });

  it("chats.get and the query of a report", async () => {
    const s = await startServer((_r, res) => json(res, 200, { id: "c1" }));
    const comm100 = clientFor(s);
    expect(await comm100.chats.get("c1")).toEqual({ id: "c1" });
    await comm100.reports.getChatVolume({
      timeFrom: "2017-12-01T00:00:00",
      timeTo: "2018-01-01T00:00:00",
      timezone: "+08:00",
      group: "day",
    });
    expect(s.requests[1]!.rawQuery).toBe("timeFrom=2017-12-01T00%3A00%3A00&timeTo=2018-01-01T00%3A00%3A00&timezone=%2B08%3A00&group=day");
  });
});
