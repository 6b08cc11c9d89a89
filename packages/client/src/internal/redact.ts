// Redaction of the credentials. The API key is looked for in every form it can take in text (raw,
// JSON-escaped, percent-encoded, base64, the Basic credential), whatever its length; parsed bodies
// are walked value by value, so no serialised JSON is ever edited as a string.
const MASK = "[REDACTED]";
/** Deeper bodies are refused: a walk (or JSON.stringify) of 5,000 levels overflows the stack. */
export const MAX_DEPTH = 500;

/** base64 of the UTF-8 bytes of `s` (btoa takes only Latin-1). */
export function base64(s: string): string {
  let bin = "";
  for (const b of new TextEncoder().encode(s)) bin += String.fromCharCode(b);
  return btoa(bin);
}

export type Redact = (text: string) => string;

/** A redactor of `key` (and of `extra` texts such as the Basic credential) in any text. */
export function redactor(key: string, extra: string[] = []): Redact {
  const url = encodeURIComponent(key);
  const forms = [...new Set([key, JSON.stringify(key).slice(1, -1), url, url.replace(/%20/g, "+"), base64(key), ...extra])]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((s, f) => s.split(f).join(MASK), text);
}

/** A copy of a parsed JSON value with every string (keys included) redacted; throws a RangeError past MAX_DEPTH. */
export function redactValue(v: unknown, redact: Redact, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new RangeError(`nested deeper than ${MAX_DEPTH} levels`);
  if (typeof v === "string") return redact(v);
  if (!v || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => redactValue(x, redact, depth + 1));
  // fromEntries defines own properties: a "__proto__" key stays a key, never a prototype
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [redact(k), redactValue(x, redact, depth + 1)]));
}

/** A copy of response headers with the key redacted from every value. */
export const redactHeaders = (h: Headers, redact: Redact): Headers => new Headers([...h].map(([k, v]): [string, string] => [k, redact(v)]));

/**
 * What a fetch error may keep as `cause`: its name, redacted message and `code`, and the same of
 * its own causes (3 levels). Nothing else: a custom fetch's error may carry the Request, whose
 * Authorization header holds the credentials.
 */
export function cleanError(e: unknown, redact: Redact, depth = 0): Error {
  const x = (e ?? {}) as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const out = new Error(
    redact(String(x.message ?? e)),
    x.cause !== undefined && depth < 3 ? { cause: cleanError(x.cause, redact, depth + 1) } : undefined,
  );
  out.name = typeof x.name === "string" ? x.name : "Error";
  if (x.code !== undefined) (out as Error & { code?: unknown }).code = redact(String(x.code));
  return out;
}
