// Request validation: Ajv for JSON Schema 2020-12 (the dialect of OpenAPI 3.1) and Ajv's errors
// turned into the Comm100 message that names the parameter.
import type { ErrorObject, Options as AjvOptions } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const BASE64_CHAR = /^[A-Za-z0-9+/]$/;

/** Standard base64 with padding, checked character by character (a regex could backtrack). */
export function isPaddedBase64(s: string): boolean {
  if (s.length % 4 !== 0) return false;
  let end = s.length;
  if (s.endsWith("==")) end -= 2;
  else if (s.endsWith("=")) end -= 1;
  for (let i = 0; i < end; i++) if (!BASE64_CHAR.test(s[i]!)) return false;
  return true;
}

// Formats OpenAPI defines on top of JSON Schema (same checks as openapi-backend's defaults).
const range = (bits: number) => (n: number) => n >= -(2 ** (bits - 1)) && n < 2 ** (bits - 1);
const OAS_FORMATS = {
  int32: { type: "number", validate: range(32) },
  int64: { type: "number", validate: range(64) },
  float: { type: "number", validate: () => true },
  double: { type: "number", validate: () => true },
  byte: { type: "string", validate: isPaddedBase64 },
  binary: { type: "string", validate: () => true },
  password: { type: "string", validate: () => true },
} as const;

/** Ajv for JSON Schema 2020-12, with formats and OpenAPI's own keywords. */
export function createAjv2020(options: AjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, ...options });
  addFormats(ajv);
  for (const [name, format] of Object.entries(OAS_FORMATS)) ajv.addFormat(name, format);
  ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
  return ajv;
}

const DIGITS = /^\d+$/;

/** ["departments", "1"] -> "departments[1]"; ["0", "name"] -> "[0].name" */
function fieldName(segments: string[]): string {
  return segments.map((s, i) => (DIGITS.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/** A JSON pointer's segments, unescaped. */
function pointerSegments(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

const SECTIONS = ["path", "query", "header", "cookie", "requestBody"];

/** Ajv's errors as one Comm100 message naming the parameter (path first, then query, then body). */
export function describeValidationErrors(errors: ErrorObject[]): string {
  const rank = (e: ErrorObject) => SECTIONS.indexOf(pointerSegments(e.instancePath)[0] ?? "requestBody");
  const sorted = [...errors].sort((a, b) => rank(a) - rank(b));
  let err = sorted[0]!;
  const combinator = sorted.find((e) => e.instancePath === err.instancePath && (e.keyword === "anyOf" || e.keyword === "oneOf"));
  if (combinator) err = combinator;
  const [section, ...rest] = pointerSegments(err.instancePath);
  if (err.keyword === "parse") return "The request body is not valid JSON.";
  if (err.keyword === "required") {
    const missing = String((err.params as { missingProperty?: string }).missingProperty);
    if (section === undefined) return missing === "requestBody" ? "The request body is required." : `The request ${missing} is required.`;
    return `Parameter '${fieldName([...rest, missing])}' is required.`;
  }
  let message = err.message ?? "is not valid";
  if (err.keyword === "enum") {
    const allowed = (err.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    message = `must be one of: ${allowed.map((v) => JSON.stringify(v)).join(", ")}`;
  } else if (err.keyword === "anyOf" || err.keyword === "oneOf") {
    message = "does not match any of the allowed forms";
  } else if (err.keyword === "additionalProperties") {
    const extra = (err.params as { additionalProperty?: string }).additionalProperty;
    return `Parameter '${fieldName([...rest, String(extra)])}' is not allowed.`;
  }
  if (section === "requestBody" && rest.length === 0) return `The request body ${message}.`;
  if (section === undefined) return `The request ${message}.`;
  return `Parameter '${fieldName(rest)}' ${message}.`;
}
