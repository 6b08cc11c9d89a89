import { errorAnswer, type MockAnswer } from "./errors.js";

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

export interface Credentials {
  email: string;
  apiKey: string;
}

/**
 * Reads `Authorization: Basic base64(utf8(email:apiKey))`. Any non-empty email and key pass;
 * anything else is a 401 with the Comm100 error body.
 */
export function checkBasicAuth(header: string | string[] | undefined): Credentials | MockAnswer {
  const fail = (message: string) =>
    errorAnswer(401, message, { "www-authenticate": 'Basic realm="Comm100 API", charset="UTF-8"' });
  if (header === undefined || header === "") return fail("Authorization header is missing: use Basic authentication with your email and API key.");
  if (Array.isArray(header)) return fail("Send exactly one Authorization header.");
  const match = /^Basic[ \t]+(\S*)[ \t]*$/i.exec(header);
  if (!match) return fail("Authorization must use the Basic scheme: 'Basic base64(email:apiKey)'.");
  const token = match[1] ?? "";
  if (token === "" || !BASE64.test(token)) return fail("Authorization credentials are not valid base64.");
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

export function isAnswer(x: Credentials | MockAnswer): x is MockAnswer {
  return "status" in x;
}
