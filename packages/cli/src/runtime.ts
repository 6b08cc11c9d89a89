// What every command needs at run time: the global options, a lazily built client, and the
// secrets to mask in anything printed.
import type { Comm100Client, Comm100ClientOptions } from "@comm100-sdk/client";
import type { Command } from "commander";
import { clientFor, resolveCredentials, type GlobalOptions } from "./auth.js";
import { limitsFor, type LimitFlags } from "./limits.js";
import type { Format } from "./output.js";

export interface Runtime {
  secrets: string[];
  /** The client for the global options of `cmd` (flags, environment, profile). */
  client(cmd: Command, extra?: Partial<Comm100ClientOptions>): Promise<Comm100Client>;
  format(cmd: Command): Format | undefined;
}

export function createRuntime(): Runtime {
  const secrets: string[] = [];
  return {
    secrets,
    async client(cmd, extra = {}) {
      const opts = cmd.optsWithGlobals() as GlobalOptions & LimitFlags;
      const creds = resolveCredentials(opts);
      secrets.push(creds.apiKey);
      const limits = limitsFor(opts);
      return clientFor(creds, { ...(opts.timeout ? { timeoutMs: opts.timeout * 1000 } : {}), ...limits, ...extra });
    },
    format(cmd) {
      return (cmd.optsWithGlobals() as { format?: Format }).format;
    },
  };
}
