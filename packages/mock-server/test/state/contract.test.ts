// Every operation of the spec, called on the stateful mock with the spec's example input (on a
// fresh seed each time): the status is one the operation documents and the body validates against
// the spec's schema for that status. Example ids that the seed lacks answer 404, which must be a
// documented, valid answer too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleInputs } from "@comm100-sdk/spec-reader";
import { createMockServer, type MockServer } from "../../src/index.js";
import { callChecked } from "./checked-call.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await createMockServer({ now: "2026-12-02T10:00:00Z" });
});
afterAll(() => mock.close());

const inputs = exampleInputs();
const byStatus: Record<number, string[]> = {};
afterAll(() => console.log(`stateful contract: ${JSON.stringify(byStatus)}`));

describe("every operation on the stateful mock", () => {
  it.each(inputs.map((i) => [i.operation.operationId, i] as const))(
    "%s answers a documented, schema-valid status",
    async (operationId, input) => {
      mock.reset();
      const query = Object.keys(input.query).length
        ? `?${new URLSearchParams(Object.entries(input.query).map(([k, v]) => [k, String(v)]))}`
        : "";
      const res = await callChecked(mock, operationId, input.path, input.body as Record<string, unknown> | unknown[] | undefined, query);
      expect(res.status).toBeLessThan(500);
      (byStatus[res.status] ??= []).push(operationId);
    },
  );

  it("the examples succeed, except reads and writes of example ids the seed lacks (404)", () => {
    expect(
      Object.keys(byStatus)
        .map(Number)
        .every((s) => s === 200 || s === 404),
    ).toBe(true);
    expect(byStatus[200]!.length).toBeGreaterThan(inputs.length / 2);
  });
});
