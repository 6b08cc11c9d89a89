// Turning raw request text into values the spec's schemas can validate: query strings, form
// bodies (with comma-separated lists) and a small schema-driven coercion of form strings.

export type Schema = Record<string, unknown>;
export type QueryValues = Record<string, string | string[]>;

import { ParseError } from "./errors.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes bytes as UTF-8; throws a TypeError on invalid sequences. */
export function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export { ParseError };

/** A name as error messages quote it: long ones are cut (a 1 MB field name is not echoed back). */
export function quoted(name: string): string {
  return name.length > 64 ? `${name.slice(0, 64)}…` : name;
}

function decodeComponent(raw: string, what: () => string): string {
  if (!raw.includes("%")) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ParseError(`${what()} is not valid percent-encoding.`);
  }
}

const MAX_NAME_LENGTH = 1024;

/** Splits `a=1&b=2` into ordered pairs; `+` is a space, except where `keepPlus(name)` says otherwise. */
function pairs(raw: string, what: (name: string) => string, keepPlus: (name: string) => boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const piece of raw.split("&")) {
    if (piece === "") continue;
    const eq = piece.indexOf("=");
    const rawKey = eq < 0 ? piece : piece.slice(0, eq);
    // No parameter of the API has a long name; refusing one early keeps a 1 MB name cheap.
    if (rawKey.length > MAX_NAME_LENGTH)
      throw new ParseError(`${what(quoted(rawKey))} has a name longer than ${MAX_NAME_LENGTH} characters.`);
    const rawValue = eq < 0 ? "" : piece.slice(eq + 1);
    const key = decodeComponent(rawKey.replaceAll("+", " "), () => what(quoted(rawKey)));
    if (key === "") continue;
    const plus = keepPlus(key) ? "%2B" : " ";
    out.push([key, decodeComponent(rawValue.replaceAll("+", plus), () => what(quoted(key)))]);
  }
  return out;
}

/**
 * Query strings. `+` means a space (form encoding) except in a `timezone` parameter, where the
 * docs' samples send offsets such as `timezone=+08:00` without encoding the plus sign.
 */
export function parseQuery(raw: string): QueryValues {
  const out: QueryValues = {};
  const list = pairs(
    raw,
    (name) => `Query parameter '${name}'`,
    (name) => TIMEZONE_NAME.test(name),
  );
  for (const [key, value] of list) {
    const prev = Object.hasOwn(out, key) ? out[key] : undefined;
    const next = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** `application/x-www-form-urlencoded` body text into field -> values (in order). */
export function parseForm(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const [key, value] of pairs(
    text,
    (name) => `Form field '${name}'`,
    () => false,
  )) {
    const list = fields.get(key);
    if (list) list.push(value);
    else fields.set(key, [value]);
  }
  return fields;
}

// ---- schema-driven coercion ---------------------------------------------------------------

function isSchema(x: unknown): x is Schema {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** The schema and every allOf/anyOf/oneOf member below it. */
function flatten(schema: unknown, depth = 0, out: Schema[] = []): Schema[] {
  if (!isSchema(schema) || depth > 8) return out;
  out.push(schema);
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const list = schema[key];
    if (Array.isArray(list)) for (const s of list) flatten(s, depth + 1, out);
  }
  return out;
}

function typesOf(schemas: Schema[]): Set<string> {
  const types = new Set<string>();
  for (const s of schemas.flatMap((x) => flatten(x))) {
    const t = s.type;
    if (typeof t === "string") types.add(t);
    else if (Array.isArray(t)) for (const x of t) if (typeof x === "string") types.add(x);
    if (s.const !== undefined) types.add(typeof s.const === "string" ? "string" : "const");
    if (Array.isArray(s.enum) && s.enum.some((v) => typeof v === "string")) types.add("string");
  }
  return types;
}

/** Schemas that describe property `name` of an object schema (through allOf/anyOf/oneOf). */
export function propertySchemas(schema: unknown, name: string): Schema[] {
  const out: Schema[] = [];
  for (const s of flatten(schema)) {
    const props = s.properties;
    if (isSchema(props) && Object.hasOwn(props, name) && isSchema(props[name])) {
      out.push(props[name] as Schema);
    }
  }
  return out;
}

// Each digit run can be matched one way only: `\d+\.?\d*` backtracked quadratically on 40,000
// digits followed by `x` (the server froze for 11-15 s).
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(?:true|false)$/i;
const TIMEZONE_NAME = /^time_?zone$/i;
const STATUS_CODE = /^[1-5]\d\d$/;

/** A string as the schema wants it: numbers and booleans from text; strings stay strings. */
export function coerceScalar(value: string, schemas: Schema[]): unknown {
  return coerceScalarAs(value, typesOf(schemas));
}

/** `coerceScalar` with the schema's types worked out once (a list field has many items). */
function coerceScalarAs(value: string, types: Set<string>): unknown {
  if (types.size === 0 || types.has("string")) return value;
  const trimmed = value.trim();
  if ((types.has("integer") || types.has("number")) && NUMBER.test(trimmed)) return Number(trimmed);
  if (types.has("boolean") && BOOLEAN.test(trimmed)) return trimmed.toLowerCase() === "true";
  if (types.has("null") && trimmed === "") return null;
  return value;
}

function itemSchemas(schemas: Schema[]): Schema[] {
  return schemas.flatMap((s) => flatten(s)).flatMap((s) => (isSchema(s.items) ? [s.items as Schema] : []));
}

/**
 * Form values for one field: array fields split on commas when the spec's encoding says
 * `explode: false` (`1,2` -> [1, 2]); repeated fields add up; scalars are coerced.
 */
export function coerceField(values: string[], schemas: Schema[], commaList: boolean): unknown {
  const types = typesOf(schemas);
  if (types.has("array") && !(types.has("string") && values.length === 1 && !commaList)) {
    const itemTypes = typesOf(itemSchemas(schemas));
    const parts = values.flatMap((v) => (commaList ? (v === "" ? [] : v.split(",")) : [v]));
    return parts.map((p) => coerceScalarAs(p, itemTypes));
  }
  const coerced = values.map((v) => coerceScalarAs(v, types));
  return coerced.length === 1 ? coerced[0] : coerced;
}

/** A parsed form body as an object, each declared field coerced to its schema. */
export function coerceForm(fields: Map<string, string[]>, schema: unknown, commaLists: Set<string>): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [];
  for (const [name, values] of fields) {
    const schemas = propertySchemas(schema, name);
    if (schemas.length === 0) entries.push([name, values.length === 1 ? values[0] : values]);
    else entries.push([name, coerceField(values, schemas, commaLists.has(name))]);
  }
  return Object.fromEntries(entries);
}

/** A JSON object sent to a form operation: string values get the same coercion as form fields. */
export function coerceJsonObject(body: Record<string, unknown>, schema: unknown, commaLists: Set<string>): Record<string, unknown> {
  const entries = Object.entries(body).map(([name, value]): [string, unknown] => {
    if (typeof value !== "string") return [name, value];
    const schemas = propertySchemas(schema, name);
    return [name, schemas.length === 0 ? value : coerceField([value], schemas, commaLists.has(name))];
  });
  return Object.fromEntries(entries);
}

/** `code=403, example=dailyQuotaExceeded` (RFC 7240; unknown preferences are ignored). */
export function parsePrefer(header: string | string[] | undefined): { code?: number; example?: string } {
  const out: { code?: number; example?: string } = {};
  if (header === undefined) return out;
  const text = Array.isArray(header) ? header.join(",") : header;
  for (const token of text.split(/[,;]/)) {
    const eq = token.indexOf("=");
    if (eq < 0) continue;
    const key = token.slice(0, eq).trim().toLowerCase();
    const raw = token.slice(eq + 1).trim();
    const value = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
    if (key === "code") {
      if (!STATUS_CODE.test(value)) throw new ParseError(`Prefer: code=${value} is not an HTTP status code.`);
      out.code = Number(value);
    } else if (key === "example") {
      if (value === "") throw new ParseError("Prefer: example= needs the name of an example.");
      out.example = value;
    }
  }
  return out;
}
