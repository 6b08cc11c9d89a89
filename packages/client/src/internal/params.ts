// Every path, query and form value checked and turned into its wire text before openapi-fetch
// sees it: what cannot be sent as the spec says is refused (never dropped or sent as "[object Object]").
import { Comm100ConfigError } from "../errors.js";
import { DATE_FIELDS } from "../generated/meta.js";

type Params = Record<string, unknown>;

/** `+hh:mm` / `-hhmm` in minutes; 0 when absent; undefined when unreadable. */
function offsetMinutes(tz: unknown): number | undefined {
  if (tz === undefined || tz === null) return 0;
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(String(tz));
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : undefined;
}

/**
 * A `Date` in its field's declared format: `yyyy-MM-dd` or `yyyy-MM-ddTHH:mm:ss`, as wall-clock
 * time in UTC, or in the call's `timezone` parameter when it has one (reports read times in it).
 */
function dateText(d: Date, name: string, tz: unknown, refuse: (why: string) => never): string {
  const kind = DATE_FIELDS[name];
  if (!kind) refuse("does not take a Date (the spec gives it no date format): pass a string");
  const off = offsetMinutes(tz);
  if (off === undefined) refuse("is a Date but `timezone` is not an offset like +08:00: pass a string");
  const ms = d.getTime() + off! * 60_000;
  // toISOString throws for an Invalid Date and writes years past 9999 with 6 digits
  const iso = Number.isNaN(ms) ? "" : new Date(ms).toISOString();
  if (iso.length !== 24) refuse("is an invalid Date or outside the years 0000-9999");
  return iso.slice(0, kind === "date" ? 10 : 19);
}

/** The text to send for one field, or undefined to leave it out (undefined/null). */
function scalar(v: unknown, name: string, where: string, tz: unknown, refuse: (why: string) => never): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "boolean" || typeof v === "bigint" || (typeof v === "number" && Number.isFinite(v))) return String(v);
  if (v instanceof Date) return dateText(v, name, tz, refuse);
  return refuse(
    `cannot be sent in the ${where}: ${typeof v === "number" ? String(v) : Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : `a ${typeof v}`}; pass a string, number or boolean`,
  );
}

export interface Prepared {
  path: Record<string, string>;
  query: Record<string, string> | undefined;
  body: unknown;
}

/**
 * Checks and converts the arguments of one call. `label` names the call in errors ("chats.list" or
 * "GET /livechat/chats"); `form` is set for form bodies (the list fields, whose arrays are kept).
 */
export function prepareParams(
  label: string,
  template: string,
  params: { path?: Params; query?: Params } | undefined,
  body: unknown,
  form: readonly string[] | undefined,
): Prepared {
  const tz = params?.query?.timezone;
  const field =
    (where: string, name: string) =>
    (why: string): never => {
      throw new Comm100ConfigError(`${label}: ${where} parameter \`${name}\` ${why}`);
    };
  const path: Record<string, string> = {};
  for (const m of template.match(/\{[^{}]+\}/g) ?? []) {
    const name = m.slice(1, -1);
    const refuse = field("path", name);
    const v = scalar(params?.path?.[name], name, "path", tz, refuse);
    if (v === undefined || v === "") refuse("is required");
    // a URL drops "." and ".." segments: the request would go to another endpoint
    if (v === "." || v === "..") refuse(`cannot be ${JSON.stringify(v)}`);
    path[name] = v!;
  }
  let query: Record<string, string> | undefined;
  for (const [name, v] of Object.entries(params?.query ?? {})) {
    const s = scalar(v, name, "query", tz, field("query", name));
    if (s !== undefined) (query ??= {})[name] = s;
  }
  if (form && body !== undefined && body !== null) {
    const out: Record<string, string | string[]> = {};
    for (const [name, v] of Object.entries(body)) {
      const refuse = field("form", name);
      const s = Array.isArray(v)
        ? v.map((x) => scalar(x, name, "form", tz, refuse) ?? refuse("has an empty item"))
        : scalar(v, name, "form", tz, refuse);
      if (s !== undefined) out[name] = s;
    }
    body = out;
  }
  return { path, query, body };
}
