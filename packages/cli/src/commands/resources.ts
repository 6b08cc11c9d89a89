// `comm100 <resource> <action> [path params] [--flags]`: one command per row of the generated
// table, its flags, checks and help taken from the spec.
import { readFileSync } from "node:fs";
import { Argument, type Command, InvalidArgumentError, Option } from "commander";
import type { CommandSpec, FlagSpec } from "../command-types.js";
import { COMMANDS, RESOURCES } from "../generated/commands.js";
import { csvField, csvLine, render, type Format } from "../output.js";
import { send, sendAll, type OperationInput } from "../request.js";
import type { Runtime } from "../runtime.js";
import { UsageError } from "../usage-error.js";
import { BadValue, parseValue, placeholder } from "../values.js";

function parserFor(type: string, rules: object) {
  return (text: string) => {
    try {
      return parseValue(text, type, rules);
    } catch (e) {
      if (e instanceof BadValue) throw new InvalidArgumentError(e.message);
      throw e;
    }
  };
}

function flagHelp(f: FlagSpec): string {
  const parts = [f.description || f.name];
  if (f.type.endsWith("[]")) parts.push("Comma-separated.");
  if (f.enum) parts.push(`One of: ${f.enum.join(", ")}.`);
  if (f.default !== undefined) parts.push(`Server default: ${JSON.stringify(f.default)}.`);
  if (f.required) parts.push("[required]");
  return parts.join(" ");
}

/** Reads --data: JSON text, @file, or - for standard input. */
export function readData(text: string): unknown {
  const source = text === "-" ? readFileSync(0, "utf8") : text.startsWith("@") ? readFileSync(text.slice(1), "utf8") : text;
  try {
    return JSON.parse(source);
  } catch {
    throw new UsageError(`--data: not valid JSON${text.startsWith("@") ? ` in ${text.slice(1)}` : ""}`);
  }
}

function optionFor(f: FlagSpec): Option {
  const opt = new Option(`--${f.flag} ${placeholder(f.type, f)}`, flagHelp(f)).argParser(parserFor(f.type, f));
  if (f.type === "boolean") opt.preset("true");
  if (f.required) opt.makeOptionMandatory();
  return opt;
}

/** The request for one command line: path values from the arguments, query and body from the flags. */
export function inputFrom(spec: CommandSpec, args: unknown[], opts: Record<string, unknown>): OperationInput {
  const path: Record<string, unknown> = {};
  for (const [i, a] of spec.args.entries()) path[a.name] = args[i];
  const query: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const f of spec.flags) {
    const value = opts[new Option(`--${f.flag}`).attributeName()];
    if (value === undefined) continue;
    (f.in === "query" ? query : fields)[f.name] = value;
  }
  let body: unknown;
  if (spec.body?.kind === "raw") body = opts.data === undefined ? undefined : readData(String(opts.data));
  else if (spec.body) {
    const bodyFlags = spec.flags.filter((f) => f.in === "body");
    if (spec.body.required && Object.keys(fields).length === 0) {
      throw new UsageError(`give at least one field: ${bodyFlags.map((f) => `--${f.flag}`).join(", ")}`);
    }
    body = fields;
  }
  return { path, query, body };
}

function describeCommand(spec: CommandSpec): string {
  return [spec.summary, spec.description, `${spec.method} ${spec.path} (operation ${spec.operationId})`].filter(Boolean).join("\n\n");
}

/** Every page's items: jsonl and csv (columns from the spec) are written as pages arrive, the rest at the end. */
export async function renderAll(items: AsyncIterable<unknown>, format: Format | undefined, spec: CommandSpec): Promise<void> {
  const out = process.stdout;
  if (format === "jsonl" || (format === "csv" && spec.itemColumns)) {
    const cols = spec.itemColumns ?? [];
    if (format === "csv") out.write(`${cols.map(csvField).join(",")}\r\n`);
    for await (const item of items) out.write(format === "csv" ? csvLine(item, cols) : `${JSON.stringify(item)}\n`);
    return;
  }
  const all: unknown[] = [];
  for await (const item of items) all.push(item);
  render(all, format, out);
}

export function addResourceCommands(program: Command, rt: Runtime): void {
  for (const res of RESOURCES) {
    const group = program
      .command(res.name)
      .summary(res.description.split(". ")[0] ?? res.tag)
      .description(res.description || res.tag);
    for (const spec of COMMANDS.filter((c) => c.resource === res.name)) {
      const cmd = group.command(spec.action).summary(spec.summary).description(describeCommand(spec));
      for (const a of spec.args) cmd.addArgument(new Argument(`<${a.name}>`, a.description).argParser(parserFor(a.type, a)));
      for (const f of spec.flags) cmd.addOption(optionFor(f));
      if (spec.body?.kind === "raw") {
        const data = new Option(
          "--data <json>",
          `${spec.body.description ?? "The request body"} JSON text, @file or - for standard input.`,
        );
        if (spec.body.required) data.makeOptionMandatory();
        cmd.addOption(data);
      }
      if (spec.itemsKey) cmd.option("--all", "follow pagination and print the items of every page");
      cmd.action(async (...received: unknown[]) => {
        const self = received.at(-1) as Command;
        const opts = self.opts();
        const input = inputFrom(spec, received.slice(0, spec.args.length), opts);
        const client = await rt.client(self);
        const format = rt.format(self);
        if (opts.all && spec.itemsKey) await renderAll(sendAll(client, spec, input), format, spec);
        else {
          render(await send(client, spec, input), format, process.stdout, spec.itemsKey);
        }
      });
    }
  }
}
