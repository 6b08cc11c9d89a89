// The committed command table is what the generator makes from the bundled spec, and it covers
// every operation.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript generator
import { buildCommands, render } from "../scripts/generate-commands.mjs";
import { listOperations } from "@comm100-sdk/spec-reader";
import { COMMANDS } from "../src/generated/commands.js";

describe("generated command table", () => {
  it("matches a fresh run of the generator (run `pnpm --filter @comm100-sdk/cli generate`)", () => {
    const committed = readFileSync(fileURLToPath(new URL("../src/generated/commands.ts", import.meta.url)), "utf8");
    expect(committed).toBe(render());
  });

  it("has one command per operation, with unique names", () => {
    const ops = listOperations();
    expect(COMMANDS.map((c) => c.operationId)).toEqual(ops.map((o) => o.operationId));
    const names = COMMANDS.map((c) => `${c.resource} ${c.action}`);
    expect(new Set(names).size).toBe(names.length);
    expect(ops.length).toBeGreaterThan(60);
  });

  it("gives every query parameter and body field a flag with the spec's type and required mark", () => {
    const { commands } = buildCommands();
    const createAgent = commands.find((c: { operationId: string }) => c.operationId === "createAgent");
    const departments = createAgent.flags.find((f: { name: string }) => f.name === "departments");
    expect(departments).toMatchObject({ flag: "departments", type: "integer[]", in: "body", required: false });
    expect(createAgent.flags.find((f: { name: string }) => f.name === "email")).toMatchObject({ required: true, type: "string" });
    const volume = COMMANDS.find((c) => c.operationId === "getChatVolumeReport")!;
    expect(volume.flags.find((f) => f.name === "group")!.enum).toContain("halfHourDistribution");
    expect(volume.flags.find((f) => f.name === "timeFrom")).toMatchObject({ flag: "time-from", required: true, in: "query" });
    for (const op of listOperations()) {
      const cmd = COMMANDS.find((c) => c.operationId === op.operationId)!;
      for (const q of op.queryParams)
        expect(cmd.flags.some((f) => f.name === q.name && f.in === "query" && f.required === q.required)).toBe(true);
      expect(cmd.args.map((a) => a.name)).toEqual(op.pathParams);
    }
  });
});
