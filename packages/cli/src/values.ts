// Turns flag and argument text into the typed values the spec asks for, or refuses it with a
// message naming what is allowed. Nothing is sent that the spec would not accept as typed.
import type { FlagType, ValueRules } from "./command-types.js";
import { suggest } from "./usage-error.js";

const DATE = "^\\d{4}-\\d{1,2}-\\d{1,2}$";
const DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$";

/** A value that cannot be used; the caller adds the flag's name. */
export class BadValue extends Error {}

function scalar(text: string, type: string, rules: ValueRules): string | number | boolean {
  if (rules.enum) {
    if (!rules.enum.includes(text)) {
      const close = suggest(text, rules.enum);
      throw new BadValue(`'${text}' is not one of: ${rules.enum.join(", ")}${close ? ` (did you mean '${close}'?)` : ""}`);
    }
  }
  let value: string | number | boolean = text;
  if (type === "integer" || type === "number") {
    const ok = type === "integer" ? /^-?\d+$/.test(text.trim()) : text.trim() !== "" && Number.isFinite(Number(text));
    if (!ok) throw new BadValue(`'${text}' is not ${type === "integer" ? "an integer" : "a number"}`);
    value = Number(text);
    if (rules.minimum !== undefined && value < rules.minimum) throw new BadValue(`${text} is below the minimum ${rules.minimum}`);
    if (rules.maximum !== undefined && value > rules.maximum) throw new BadValue(`${text} is above the maximum ${rules.maximum}`);
  } else if (type === "boolean") {
    const t = text.toLowerCase();
    if (t === "true" || t === "yes" || t === "1") value = true;
    else if (t === "false" || t === "no" || t === "0") value = false;
    else throw new BadValue(`'${text}' is not true or false`);
  } else {
    if (rules.pattern && !new RegExp(rules.pattern, "u").test(text)) {
      throw new BadValue(`'${text}' does not have the expected form${hint(rules)}`);
    }
    if (rules.format === "uuid" && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) {
      throw new BadValue(`'${text}' is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
    }
  }
  return value;
}

function hint(rules: ValueRules): string {
  if (rules.pattern === DATE) return " (a date, YYYY-MM-DD)";
  if (rules.pattern === DATE_TIME) return " (a date and time, YYYY-MM-DDThh:mm:ss)";
  return rules.pattern ? ` (matching ${rules.pattern})` : "";
}

/** Parses one flag value: lists are comma-separated, json is JSON text. */
export function parseValue(text: string, type: FlagType | string, rules: ValueRules = {}): unknown {
  if (type === "json") {
    try {
      return JSON.parse(text);
    } catch {
      throw new BadValue("is not valid JSON");
    }
  }
  if (type.endsWith("[]")) {
    const item = type.slice(0, -2);
    const parts = text.split(",").map((s) => s.trim());
    if (parts.some((p) => p === "")) throw new BadValue(`'${text}' has an empty item; give a comma-separated list like 1,2,11`);
    return parts.map((p) => scalar(p, item, rules));
  }
  return scalar(text, type, rules);
}

/** How a flag's value is written in help and usage lines. */
export function placeholder(type: FlagType | string, rules: ValueRules = {}): string {
  if (rules.enum) return "<value>";
  switch (type) {
    case "integer":
      return "<int>";
    case "number":
      return "<number>";
    case "boolean":
      return "[true|false]";
    case "integer[]":
      return "<ids>";
    case "string[]":
    case "number[]":
      return "<list>";
    case "json":
      return "<json>";
    default:
      return rules.pattern === DATE ? "<YYYY-MM-DD>" : rules.pattern === DATE_TIME ? "<YYYY-MM-DDThh:mm:ss>" : "<text>";
  }
}
