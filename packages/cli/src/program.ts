// The whole command tree: global options, generated resource commands, api, login, export, completion.
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { red, useColor } from "./color.js";
import { addApiCommand } from "./commands/api.js";
import { addCompletionCommand } from "./commands/completion.js";
import { addExportCommand } from "./commands/export.js";
import { addLoginCommands } from "./commands/login.js";
import { addResourceCommands } from "./commands/resources.js";
import { EXIT } from "./exit-codes.js";
import { FORMATS } from "./output.js";
import { reportError } from "./report-error.js";
import { createRuntime } from "./runtime.js";

import pkg from "../package.json" with { type: "json" };

export const VERSION: string = pkg.version;

/** Keys given on this command line or in the environment, masked in everything printed (commander's own errors included). */
function knownSecrets(argv: string[]): string[] {
  const out = [process.env.COMM100_API_KEY ?? ""];
  argv.forEach((a, i) => {
    if (a === "--api-key" && argv[i + 1]) out.push(argv[i + 1]!);
    else if (a.startsWith("--api-key=")) out.push(a.slice("--api-key=".length));
  });
  return out.filter((s) => s.length >= 4);
}

const mask = (text: string, secrets: readonly string[]) => secrets.reduce((t, s) => (s ? t.split(s).join("[REDACTED]") : t), text);

const EPILOG = `
Credentials come from --user/--api-key, else COMM100_EMAIL/COMM100_API_KEY, else the profile saved
by \`comm100 login\` (--profile or COMM100_PROFILE, default "default"). COMM100_DOMAIN or
COMM100_BASE_URL (or --domain/--base-url) choose the server.

Exit codes: 0 ok, 1 API error, 2 usage error, 3 authentication, 4 not found, 5 daily quota used up,
6 network or timeout, 130 interrupted.`;

const positive = (kind: "integer" | "number") => (v: string) => {
  const n = Number(v);
  if (!(n > 0) || (kind === "integer" && !Number.isInteger(n))) throw new InvalidArgumentError(`A positive ${kind}.`);
  return n;
};

export function buildProgram(argv: string[] = []): { program: Command; secrets: string[] } {
  const rt = createRuntime();
  rt.secrets.push(...knownSecrets(argv));
  const program = new Command("comm100")
    .description("The Comm100 Live Chat REST API v1 from the command line: every operation of the spec, raw calls and resumable exports.")
    .version(VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({
      outputError: (raw, write) => {
        const str = mask(raw, rt.secrets);
        write(useColor(process.stderr) ? str.replace(/^error:/, red(true, "error:")) : str);
      },
    })
    .showHelpAfterError("(add --help for usage)")
    .addOption(
      new Option("--format <format>", "output format (default: table or pretty JSON on a terminal, JSON on a pipe)").choices(FORMATS),
    )
    .option("--profile <name>", "saved profile to use (see `comm100 login`)")
    .option("--user <email>", "agent email (else COMM100_EMAIL or the profile)")
    .option("--api-key <key>", "API key (else COMM100_API_KEY or the profile; prefer those: flags end up in shell history)")
    .option("--domain <domain>", "Control Panel domain, e.g. hosted.comm100.com (else COMM100_DOMAIN)")
    .option("--base-url <url>", "API base URL instead of --domain, e.g. a mock (else COMM100_BASE_URL)")
    .addOption(
      new Option("--timeout <seconds>", "timeout of each attempt").argParser((v) => {
        const n = Number(v);
        if (!(n > 0)) throw new InvalidArgumentError("A positive number of seconds.");
        return n;
      }),
    )
    .addOption(new Option("--max-concurrency <n>", "client limit: requests in flight at once").argParser(positive("integer")))
    .addOption(new Option("--requests-per-second <n>", "client limit: requests started per second").argParser(positive("number")))
    .addOption(
      new Option("--daily-limit <n>", "client limit: your plan's daily request quota; stop before the server's 403").argParser(
        positive("integer"),
      ),
    )
    .addOption(
      new Option("--share <fraction>", "with --daily-limit: the part of it this run may use (0-1]").argParser((v) => {
        const n = Number(v);
        if (!(n > 0 && n <= 1)) throw new InvalidArgumentError("A fraction above 0, at most 1.");
        return n;
      }),
    )
    .addHelpText("after", EPILOG);
  addResourceCommands(program, rt);
  addApiCommand(program, rt);
  addExportCommand(program, rt);
  addLoginCommands(program, rt);
  addCompletionCommand(program);
  return { program, secrets: rt.secrets };
}

/** Runs one command line; resolves to the exit code (never calls process.exit itself). */
export async function run(argv: string[]): Promise<number> {
  const { program, secrets } = buildProgram(argv);
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (err && typeof err === "object" && "exitCode" in err && typeof (err as any).exitCode === "number") return (err as any).exitCode;
    return reportError(err, secrets);
  }
}
