#!/usr/bin/env node
import { parseArgs } from "node:util";
import { parseAccount } from "./control/accounts.js";
import { parseTime } from "./control/clock.js";
import { createMockServer } from "./index.js";

const USAGE = `Usage: comm100-mock [--port 4010] [--host 127.0.0.1] [--spec openapi.json] [--quiet]
                    [--account email:key]... [--quota N] [--now 2026-12-01T23:59:00Z] [--seed N]
                    [--data file.json] [--page-size N] [--stateless]

A local Comm100 Live Chat API v1: checks Basic auth, validates every request against the
OpenAPI description and answers from an in-memory account seeded with realistic data (writes
persist, lists filter and page). Prints the base URL, then one line per request.

  --account email:key  accept only these credentials (repeatable);
                       default agent@example.com:mock-api-key (stateless: any)
  --data FILE          start from your own data (JSON: the collections, or a snapshot)
  --page-size N        items per page of the chat and offline message lists (default 10)
  --stateless          answer with the spec's examples and keep no data
  --quota N            daily requests per account before the 403 quota error (resets 00:00 UTC)
  --now TIME           start the mock clock at TIME (ISO 8601 or epoch ms); it keeps running
  --seed N             seed of the mock's random choices (default 1)

Admin routes (no auth): POST /__admin/reset, GET /__admin/snapshot, GET|POST /__admin/clock,
GET|POST|DELETE /__admin/faults.`;

function integerFlag(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got ${value}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", short: "p", default: "4010" },
      host: { type: "string", short: "H", default: "127.0.0.1" },
      spec: { type: "string" },
      quiet: { type: "boolean", short: "q", default: false },
      account: { type: "string", multiple: true },
      quota: { type: "string" },
      now: { type: "string" },
      seed: { type: "string" },
      data: { type: "string" },
      "page-size": { type: "string" },
      stateless: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  const quiet = values.quiet;
  const quota = integerFlag("quota", values.quota, 0);
  const seed = integerFlag("seed", values.seed, 0);
  const pageSize = integerFlag("page-size", values["page-size"], 1);
  const now = values.now === undefined ? undefined : /^\d+$/.test(values.now) ? Number(values.now) : values.now;
  if (now !== undefined) parseTime(now, "--now");
  const server = await createMockServer({
    port,
    host: values.host,
    ...(values.account ? { accounts: values.account.map(parseAccount) } : {}),
    ...(quota !== undefined ? { quota } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(pageSize !== undefined ? { pageSize } : {}),
    ...(values.data !== undefined ? { data: values.data } : {}),
    ...(values.stateless ? { stateless: true } : {}),
    ...(now !== undefined ? { now } : {}),
    ...(values.spec ? { spec: values.spec } : {}),
    onRequest: quiet ? undefined : (e) => console.log(`${e.method} ${e.url} -> ${e.status}${e.operationId ? ` (${e.operationId})` : ""}`),
  });
  // The account line comes first: whoever waits for the URL line has read it by then.
  if (!values.stateless && !values.account) console.log("Default account: agent@example.com, API key mock-api-key");
  console.log(`Comm100 mock API listening on ${server.url}`);
  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(`comm100-mock: ${err instanceof Error ? err.message : String(err)}`);
  console.error(USAGE);
  process.exit(1);
});
