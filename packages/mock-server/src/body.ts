// Request bodies: bytes -> a value the operation's schema can validate. Forms are parsed strictly
// and coerced to the schema; JSON is parsed as is; anything else is a 415.
import type { Operation } from "openapi-backend";
import { errorAnswer, isMockAnswer, ParseError, type MockAnswer } from "./errors.js";
import { coerceForm, coerceJsonObject, decodeUtf8, parseForm } from "./parse.js";

type RequestBodyObject = {
  required?: boolean;
  content?: Record<string, { schema?: unknown; encoding?: Record<string, { explode?: boolean }> }>;
};

const FORM = "application/x-www-form-urlencoded";

/** `application/json; charset=utf-8` -> `application/json` */
export function mediaType(value: string | undefined): string {
  const v = value ?? "";
  const semicolon = v.indexOf(";");
  return (semicolon < 0 ? v : v.slice(0, semicolon)).trim().toLowerCase();
}

const isJsonType = (t: string) => t === "application/json" || t.endsWith("+json");

/** The parsed body (`{}` when empty), or the 400/415 answer. */
export function parseRequestBody(op: Operation, contentType: string | undefined, bytes: Buffer): { body?: unknown } | MockAnswer {
  const content = (op.requestBody as RequestBodyObject | undefined)?.content ?? {};
  const declared = Object.keys(content).map((k) => mediaType(k));
  if (bytes.length === 0) return {};
  let text: string;
  try {
    text = decodeUtf8(bytes);
  } catch {
    return errorAnswer(400, "The request body is not valid UTF-8.");
  }
  let type = mediaType(contentType);
  if (type === "") type = declared[0] ?? "application/json";
  const form = declared.find((d) => d === FORM);
  const json = declared.find(isJsonType);
  const declaredKey = Object.keys(content).find((k) => mediaType(k) === (form ?? json));
  const media = declaredKey ? content[declaredKey] : undefined;
  const commaLists = new Set(
    Object.entries(media?.encoding ?? {})
      .filter(([, e]) => e.explode === false)
      .map(([k]) => k),
  );
  const unsupported = () => errorAnswer(415, `Content-Type ${type} is not accepted here; send ${declared.join(" or ")}.`);

  const parseJson = (): { body: unknown } | MockAnswer => {
    try {
      return { body: JSON.parse(text) as unknown };
    } catch (e) {
      return errorAnswer(400, `The request body is not valid JSON: ${(e as Error).message}`);
    }
  };

  if (type === FORM) {
    // The docs' curl for the one JSON operation sends its JSON with plain `-d`, i.e. labelled as a form.
    if (!form && json) return parseJson();
    if (!form) return unsupported();
    try {
      return { body: coerceForm(parseForm(text), media?.schema, commaLists) };
    } catch (e) {
      if (e instanceof ParseError) return errorAnswer(400, `The form body is malformed: ${e.message}`);
      throw e;
    }
  }
  if (isJsonType(type)) {
    const parsed = parseJson();
    if (isMockAnswer(parsed) || json) return parsed;
    // A JSON object for a form operation: accepted, string values coerced like form fields.
    const body = parsed.body;
    if (typeof body === "object" && body !== null && !Array.isArray(body)) {
      return { body: coerceJsonObject(body as Record<string, unknown>, media?.schema, commaLists) };
    }
    return { body };
  }
  return unsupported();
}
