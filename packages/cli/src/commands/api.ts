// `comm100 api <METHOD> <path> [-f name=value ...]`: any operation by its HTTP method and path, like
// `gh api`. The path is matched to the spec's template so that fields are typed and the body is
// encoded as the spec says; a path or field the spec does not have is refused, never sent blindly.
import { Command, Option } from "commander";
import type { CommandSpec } from "../command-types.js";
import { COMMANDS } from "../generated/commands.js";
import { render } from "../output.js";
import { send, sendAll, type OperationInput } from "../request.js";
import type { Runtime } from "../runtime.js";
import { suggest, UsageError } from "../usage-error.js";
import { BadValue, parseValue } from "../values.js";
import { readData, renderAll } from "./resources.js";

const METHODS = ["GET", "POST", "PUT", "DELETE"];

/** The operation and path values for a concrete path such as /livechat/departments/3. */
export function matchPath(method: string, rawPath: string): { spec: CommandSpec; path: Record<string, string>; query: URLSearchParams } {
  const url = new URL(rawPath.replace(/^\/?/, "/"), "http://x");
  let p = url.pathname.replace(/\/+$/, "").replace(/^\/api\/v1(?=\/)/, "");
  if (!p) p = "/";
  const segments = p.split("/");
  const candidates: { spec: CommandSpec; path: Record<string, string>; literal: number }[] = [];
  for (const spec of COMMANDS) {
    const tpl = spec.path.split("/");
    if (tpl.length !== segments.length) continue;
    const values: Record<string, string> = {};
    let literal = 0;
    const ok = tpl.every((t, i) => {
      const seg = segments[i]!;
      const m = /^\{(.+)\}$/.exec(t);
      if (m) {
        values[m[1]!] = decodeURIComponent(seg);
        return seg !== "";
      }
      literal++;
      return t === seg;
    });
    if (ok) candidates.push({ spec, path: values, literal });
  }
  candidates.sort((a, b) => b.literal - a.literal);
  const best = candidates.filter((c) => c.literal === candidates[0]?.literal);
  const hit = best.find((c) => c.spec.method === method);
  if (hit) return { spec: hit.spec, path: hit.path, query: url.searchParams };
  if (best.length) {
    throw new UsageError(`${method} is not an operation of ${p}; it has: ${best.map((c) => c.spec.method).join(", ")}`);
  }
  const close = suggest(p, [...new Set(COMMANDS.map((c) => c.path))]);
  throw new UsageError(`${p} is not a path of the Comm100 API v1${close ? ` (did you mean ${close}?)` : ""}; see \`comm100 --help\``);
}

/** Typed fields for the matched operation: query parameters and body fields by their spec names. */
export function fieldsInput(spec: CommandSpec, path: Record<string, string>, pairs: [string, string][]): OperationInput {
  const query: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const [name, text] of pairs) {
    const f = spec.flags.find((x) => x.name === name);
    if (!f) {
      const names = spec.flags.map((x) => x.name);
      const close = suggest(name, names);
      throw new UsageError(
        `${spec.method} ${spec.path} has no field '${name}'${close ? ` (did you mean '${close}'?)` : ""}; fields: ${names.join(", ") || "none"}`,
      );
    }
    try {
      (f.in === "query" ? query : body)[f.name] = parseValue(text, f.type, f);
    } catch (e) {
      if (e instanceof BadValue) throw new UsageError(`field '${name}': ${e.message}`);
      throw e;
    }
  }
  for (const a of spec.args) {
    try {
      path[a.name] = parseValue(path[a.name]!, a.type, a) as string;
    } catch (e) {
      if (e instanceof BadValue) throw new UsageError(`path parameter '${a.name}': ${e.message}`);
      throw e;
    }
  }
  return { path, query, body: spec.body && spec.body.kind !== "raw" ? body : undefined };
}

const collect = (v: string, prev: [string, string][] = []) => {
  const at = v.indexOf("=");
  if (at <= 0) throw new UsageError(`-f ${v}: expected name=value`);
  return [...prev, [v.slice(0, at), v.slice(at + 1)] as [string, string]];
};

export function addApiCommand(program: Command, rt: Runtime): void {
  program
    .command("api")
    .summary("call any operation by HTTP method and path")
    .description(
      "Calls any operation of the API by its HTTP method and path, like `gh api`. The path is matched against the spec, fields are typed and the body is encoded as the spec says (form fields, lists comma-joined, or JSON).\n\nExamples:\n  comm100 api GET /livechat/operators\n  comm100 api POST /livechat/departments -f name=Sales -f members=1,2\n  comm100 api GET '/livechat/chats?date_from=2026-11-01' --all",
    )
    .addArgument(
      new Command()
        .createArgument("<method>", `HTTP method: ${METHODS.join(", ")}`)
        .choices([...METHODS, ...METHODS.map((m) => m.toLowerCase())]),
    )
    .argument("<path>", "API path, e.g. /livechat/departments/3 (a query string is allowed)")
    .addOption(new Option("-f, --field <name=value>", "a query parameter or body field by its spec name (repeatable)").argParser(collect))
    .option("--input <json>", "the whole JSON body: JSON text, @file or - for standard input")
    .option("--all", "for a paginated list: follow pagination and print the items of every page")
    .action(async (method: string, rawPath: string, opts: { field?: [string, string][]; input?: string; all?: boolean }, self: Command) => {
      const m = method.toUpperCase();
      const { spec, path, query } = matchPath(m, rawPath);
      const pairs: [string, string][] = [...query.entries(), ...(opts.field ?? [])];
      const input = fieldsInput(spec, path, pairs);
      if (opts.input !== undefined) {
        if (spec.body?.kind !== "raw") throw new UsageError(`--input is for JSON bodies; ${spec.method} ${spec.path} takes fields (-f)`);
        input.body = readData(opts.input);
      } else if (spec.body?.kind === "raw" && spec.body.required) {
        throw new UsageError(`${spec.method} ${spec.path} needs a JSON body: --input <json|@file|->`);
      }
      const client = await rt.client(self);
      if (opts.all) {
        if (!spec.itemsKey) throw new UsageError(`--all: ${spec.method} ${spec.path} is not paginated`);
        await renderAll(sendAll(client, spec, input), rt.format(self), spec);
      } else render(await send(client, spec, input), rt.format(self), process.stdout, spec.itemsKey);
    });
}
