#!/usr/bin/env node
import { parseArgs } from "node:util";
import { createMockServer } from "./index.js";

const USAGE = `Usage: comm100-mock [--port 4010] [--host 127.0.0.1] [--spec openapi.json] [--quiet]

A local Comm100 Live Chat API v1: checks Basic auth, validates every request against the
OpenAPI description and answers with its examples. Prints the base URL, then one line per request.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", short: "p", default: "4010" },
      host: { type: "string", short: "H", default: "127.0.0.1" },
      spec: { type: "string" },
      quiet: { type: "boolean", short: "q", default: false },
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
  const server = await createMockServer({
    port,
    host: values.host,
    ...(values.spec ? { spec: values.spec } : {}),
    onRequest: quiet ? undefined : (e) => console.log(`${e.method} ${e.url} -> ${e.status}${e.operationId ? ` (${e.operationId})` : ""}`),
  });
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
