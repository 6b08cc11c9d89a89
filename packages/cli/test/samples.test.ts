// cliSampleFor() for every operation, fed with the spec's example inputs, split into arguments by
// a real shell (so its quoting is what a user's shell reads) and run against the mock by the
// CLI's run() in this process (the bin around it is tested in cli.test.ts and export.test.ts):
// each one exits 0, prints JSON and sends its operation's request.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { exampleInputs, recordCoverage } from "@comm100-sdk/spec-reader";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliSampleFor } from "../src/samples.js";
import { API_KEY, EMAIL, isolatedEnv, PKG, removeScratch, runInProcess, scratch, startApi, type ShapingProxy } from "./helpers.js";

const run = promisify(execFile);
let api: ShapingProxy;
let home: string;

beforeAll(async () => {
  api = await startApi();
  home = scratch();
});
afterAll(async () => {
  await api.close();
  removeScratch(home);
});

const templateRegex = (path: string) => new RegExp(`^/api/v1${path.replace(/\{[^}]+\}/g, "[^/?]+")}(\\?|$)`);

describe("CLI samples", () => {
  it("renders the documented form of a command", () => {
    expect(cliSampleFor("createDepartment", { body: { name: "sales", members: [1, 2, 11] } })).toBe(
      "comm100 departments create --name sales --members 1,2,11",
    );
    expect(cliSampleFor("updateDepartment", { path: { id: 3 }, body: { description: "live chat sales" } })).toBe(
      "comm100 departments update 3 --description 'live chat sales'",
    );
    expect(cliSampleFor("getAgent")).toBe("comm100 agents get <email>");
    expect(cliSampleFor("createCannedMessage", { body: { name: "a", message: "b", isPrivate: true } })).toBe(
      "comm100 canned-messages create --name a --message b --is-private",
    );
    expect(() => cliSampleFor("noSuchOperation")).toThrow("no operation");
  });

  it("every operation's sample runs against the mock and sends that operation", async () => {
    const env = isolatedEnv(home, {
      COMM100_BASE_URL: api.url,
      COMM100_EMAIL: EMAIL,
      COMM100_API_KEY: API_KEY,
    });
    const inputs = exampleInputs();
    const done: string[] = [];
    for (const input of inputs) {
      const op = input.operation;
      const sample = cliSampleFor(op.operationId, input);
      expect(sample.startsWith("comm100 ")).toBe(true);
      // the shell prints each argument it read, NUL-terminated
      const line = sample.replace(/^comm100 /, "printf '%s\\0' ");
      const { stdout: argv } = await run("sh", ["-c", line], { env, cwd: PKG });
      const args = argv.split("\0").slice(0, -1);
      const before = api.requests.length;
      const r = await runInProcess([...args, "--format", "json"], env);
      expect(r.code, `${op.operationId}: ${sample}\n${r.stderr}`).toBe(0);
      expect(() => JSON.parse(r.stdout), `${op.operationId}: ${sample}`).not.toThrow();
      const sent = api.requests.slice(before).find((x) => x.method === op.method && templateRegex(op.path).test(x.url));
      expect(sent, `${op.operationId}: ${sample}`).toBeDefined();
      done.push(op.operationId);
    }
    expect(done.length).toBe(inputs.length);
    recordCoverage(PKG, "cli samples run against the mock", done);
  }, 240_000);
});
