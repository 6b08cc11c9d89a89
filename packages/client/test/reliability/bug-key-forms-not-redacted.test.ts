// Regression: a key containing `"` or `\` echoed in an error body was not redacted (the JSON escapes
// it), a key of 3 characters was never redacted, and a key equal to `true` made the redaction
// (string surgery on the serialised JSON) corrupt it and throw a raw SyntaxError. The key is now
// looked for in every form (raw, JSON-escaped, percent-encoded, base64, the Basic credential) at any
// length, and parsed bodies are redacted value by value.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Comm100ApiError, createComm100Client } from "../../src/index.js";
import { EMAIL, startServer } from "../helpers.js";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const formsOf = (key: string) => [key, JSON.stringify(key).slice(1, -1), encodeURIComponent(key), b64(key), b64(`${EMAIL}:${key}`)];

/** Every text an error shows: message, stack, inspection, JSON, body, headers. */
const textsOf = (e: Comm100ApiError) => [
  e.message,
  String(e.stack),
  inspect(e, { depth: 20, showHidden: true }),
  JSON.stringify(e),
  JSON.stringify(e.body),
  JSON.stringify([...e.headers]),
];

async function echoed(key: string, reply: (forms: string[]) => { type: string; text: string }) {
  const forms = formsOf(key);
  const s = await startServer((_r, res) => {
    const { type, text } = reply(forms);
    res.writeHead(400, { "content-type": type, "x-echo": encodeURIComponent(key) });
    res.end(text);
  });
  const c = createComm100Client({ baseUrl: s.base, email: EMAIL, apiKey: key, retry: false });
  const err = (await c.agents.list().catch((e: unknown) => e)) as Comm100ApiError;
  expect(err).toBeInstanceOf(Comm100ApiError);
  return { err, forms };
}

describe("bug: forms of the key are not redacted", () => {
  for (const key of ['q"uo\\te-key', "abc", "a b/c+d=é", "k\u2028ey\ttab"]) {
    it(`${JSON.stringify(key)}: every form echoed in a JSON body (values and keys) is redacted`, async () => {
      const { err, forms } = await echoed(key, (f) => ({
        type: "application/json",
        text: JSON.stringify({ code: 400000, message: `bad key ${f[0]}`, forms: f, nested: [{ [f[0]!]: f.join(" ") }] }),
      }));
      expect(err.message).toBe("bad key [REDACTED]");
      for (const text of textsOf(err)) for (const form of forms) expect(text).not.toContain(form);
      expect(err.headers.get("x-echo")).toBe("[REDACTED]");
    });

    it(`${JSON.stringify(key)}: every form echoed in a text body is redacted`, async () => {
      const { err, forms } = await echoed(key, (f) => ({ type: "text/html", text: `<p>${f.join("</p><p>")}</p>` }));
      for (const text of textsOf(err)) for (const form of forms) expect(text).not.toContain(form);
    });
  }

  it("a key equal to `true` (or `1`, `null`) leaves the JSON's shape alone", async () => {
    for (const key of ["true", "1", "null"]) {
      const { err } = await echoed(key, () => ({
        type: "application/json",
        text: JSON.stringify({ code: 400000, message: `key ${key}`, ok: true, n: 1, z: null }),
      }));
      expect(err.body).toEqual({ code: 400000, message: "key [REDACTED]", ok: true, n: 1, z: null });
    }
  });
});
