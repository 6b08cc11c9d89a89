// HTTP Basic auth as the Comm100 API reads it. Parsed by hand: a regex over a header of spaces
// backtracked (Basic + 16,000 spaces blocked the server for 2 s).
import { errorAnswer, type MockAnswer } from "./errors.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const BASE64_CHAR = /^[A-Za-z0-9+/]$/;

export interface Credentials {
  email: string;
  apiKey: string;
}

const isBlank = (c: string | undefined) => c === " " || c === "\t";

/** Base64, padded or not, checked character by character. */
function isBase64Token(token: string): boolean {
  let end = token.length;
  let expected = [0, 2, 3];
  if (token.endsWith("==")) [end, expected] = [end - 2, [2]];
  else if (token.endsWith("=")) [end, expected] = [end - 1, [3]];
  if (end === 0 || !expected.includes(end % 4)) return false;
  for (let i = 0; i < end; i++) if (!BASE64_CHAR.test(token[i]!)) return false;
  return true;
}

/**
 * Reads `Authorization: Basic base64(utf8(email:apiKey))` into credentials, or a 401 with the
 * Comm100 error body. Which credentials are accepted is the caller's decision.
 */
export function readBasicAuth(header: string | string[] | undefined): Credentials | MockAnswer {
  const fail = (message: string) => unauthorized(message);
  if (header === undefined || header === "")
    return fail("Authorization header is missing: use Basic authentication with your email and API key.");
  if (Array.isArray(header)) return fail("Send exactly one Authorization header.");
  const scheme = header.slice(0, 5);
  if (scheme.toLowerCase() !== "basic" || !isBlank(header[5])) {
    return fail("Authorization must use the Basic scheme: 'Basic base64(email:apiKey)'.");
  }
  let start = 6;
  while (isBlank(header[start])) start++;
  let end = header.length;
  while (end > start && isBlank(header[end - 1])) end--;
  const token = header.slice(start, end);
  if (token === "" || !isBase64Token(token)) return fail("Authorization credentials are not valid base64.");
  let decoded: string;
  try {
    decoded = utf8.decode(Buffer.from(token, "base64"));
  } catch {
    return fail("Authorization credentials are not valid UTF-8.");
  }
  const colon = decoded.indexOf(":");
  if (colon < 0) return fail("Authorization credentials must be 'email:apiKey'.");
  const email = decoded.slice(0, colon);
  const apiKey = decoded.slice(colon + 1);
  if (email.trim() === "") return fail("Invalid email or API key: the email is empty.");
  if (apiKey.trim() === "") return fail("Invalid email or API key: the API key is empty.");
  return { email, apiKey };
}

/** 401 with the Comm100 body and a `WWW-Authenticate: Basic` challenge. */
export function unauthorized(message: string): MockAnswer {
  return errorAnswer(401, message, { "www-authenticate": 'Basic realm="Comm100 API", charset="UTF-8"' });
}
