// The `comm100 ...` command line for one operation and its inputs: a pure function over the
// generated table, used for the CLI samples of the reference site.
import type { CommandSpec } from "./command-types.js";
import { COMMANDS } from "./generated/commands.js";

export interface CliSampleInput {
  /** Path parameter values by name. */
  path?: Record<string, unknown>;
  /** Query parameter values by name, as an object or as [name, value] pairs. */
  query?: Record<string, unknown> | [string, unknown][];
  /** Body fields by name (form and JSON object bodies) or the whole body (a JSON array body). */
  body?: unknown;
}

/** Quotes a word for a POSIX shell only when it needs it. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

const text = (v: unknown): string =>
  Array.isArray(v) ? v.map(text).join(",") : v && typeof v === "object" ? JSON.stringify(v) : String(v);

function flagWords(spec: CommandSpec, name: string, value: unknown): string[] {
  const f = spec.flags.find((x) => x.name === name);
  if (!f) throw new Error(`${spec.operationId}: no field ${name}`);
  if (value === undefined || value === null) return [];
  if (f.type === "boolean" && (value === true || value === "true")) return [`--${f.flag}`];
  return [`--${f.flag}`, shellWord(text(value))];
}

/** e.g. `comm100 departments create --name sales --members 1,2,11` */
export function cliSampleFor(operationId: string, input: CliSampleInput = {}): string {
  const spec = COMMANDS.find((c) => c.operationId === operationId);
  if (!spec) throw new Error(`no operation ${operationId}`);
  const words = ["comm100", spec.resource, spec.action];
  for (const a of spec.args) {
    const v = input.path?.[a.name];
    words.push(v === undefined ? `<${a.name}>` : shellWord(text(v)));
  }
  const query = Array.isArray(input.query) ? input.query : Object.entries(input.query ?? {});
  for (const [name, value] of query) words.push(...flagWords(spec, name, value));
  if (spec.body?.kind === "raw") {
    if (input.body !== undefined) words.push("--data", shellWord(JSON.stringify(input.body)));
  } else if (spec.body && input.body && typeof input.body === "object") {
    for (const [name, value] of Object.entries(input.body as Record<string, unknown>)) words.push(...flagWords(spec, name, value));
  }
  return words.join(" ");
}
