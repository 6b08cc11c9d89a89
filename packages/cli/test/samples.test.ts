// cliSampleFor() for every operation, fed with the spec's example inputs, run as a shell command
// line by the built binary against the mock: each one exits 0 and sends its operation's request.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { exampleInputs, recordCoverage } from "@comm100-sdk/spec-reader";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliSampleFor } from "../src/samples.js";
import { API_KEY, BIN, EMAIL, isolatedEnv, PKG, removeScratch, scratch, startApi, type ShapingProxy } from "./helpers.js";

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
      COMM100_BIN: BIN,
      NODE: process.execPath,
    });
    const inputs = exampleInputs();
    const done: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < inputs.length) {
        const input = inputs[next++]!;
        const op = input.operation;
        const sample = cliSampleFor(op.operationId, input);
        expect(sample.startsWith("comm100 ")).toBe(true);
        const line = sample.replace(/^comm100 /, '"$NODE" "$COMM100_BIN" ');
        const before = api.requests.length;
        const { stdout } = await run("sh", ["-c", `${line} --format json`], { env, cwd: PKG });
        expect(() => JSON.parse(stdout), `${op.operationId}: ${sample}`).not.toThrow();
        const sent = api.requests.slice(before).find((r) => r.method === op.method && templateRegex(op.path).test(r.url));
        expect(sent, `${op.operationId}: ${sample}`).toBeDefined();
        done.push(op.operationId);
      }
    };
    await Promise.all([worker(), worker()]);
    expect(done.length).toBe(inputs.length);
    recordCoverage(PKG, "cli samples run against the mock", done);
  }, 240_000);
});
