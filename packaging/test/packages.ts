// The published packages of the monorepo, as this workspace checks them.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface Published {
  name: string;
  /** directory relative to the repository root */
  dir: string;
}

export const PUBLISHED: Published[] = [
  { name: "@comm100-sdk/openapi", dir: "spec" },
  { name: "@comm100-sdk/types", dir: "packages/types" },
  { name: "@comm100-sdk/client", dir: "packages/client" },
  { name: "@comm100-sdk/mock-server", dir: "packages/mock-server" },
  { name: "@comm100-sdk/redis", dir: "packages/redis" },
  { name: "@comm100-sdk/cli", dir: "packages/cli" },
];

/** Runs a program (NODE_OPTIONS cleared, so vitest's never reach it); resolves with its stdout. */
export function runFile(bin: string, args: string[], cwd: string): Promise<string> {
  return new Promise((ok, fail) => {
    execFile(bin, args, { cwd, encoding: "utf8", timeout: 240_000, env: { ...process.env, NODE_OPTIONS: "" } }, (err, stdout, stderr) => {
      if (err) fail(new Error(`${bin} ${args.join(" ")} failed: ${err.message}\n${stdout}${stderr}`));
      else ok(stdout);
    });
  });
}

declare module "vitest" {
  export interface ProvidedContext {
    /** package name -> absolute path of its `pnpm pack` tarball */
    tarballs: Record<string, string>;
    /** temporary directory for this run (removed at the end) */
    workDir: string;
  }
}
