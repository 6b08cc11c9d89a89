// Regression: the number coercion of form fields used `\d+\.?\d*`, which backtracked
// quadratically: an integer field of 40,000 digits followed by `x` (a 40 kB body) blocked the
// whole server for 11-15 s. With 900,000 digits the old code would take about an hour; the test's
// timeout fails it long before that, while the fixed code answers at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coerceScalar } from "../../src/parse.js";
import { createMockServer, type MockServer } from "../../src/index.js";
import { AUTH } from "../helpers.js";

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ port: 0 });
});
afterAll(() => server.close());

const DIGITS = "1".repeat(900_000);

describe("bug: an integer form field of many digits followed by x freezes the server", () => {
  it("the coercion leaves the text as is (so validation can name the field)", { timeout: 10_000 }, () => {
    expect(coerceScalar(`${DIGITS}x`, [{ type: "integer" }])).toBe(`${DIGITS}x`);
    expect(coerceScalar("12", [{ type: "integer" }])).toBe(12);
    expect(coerceScalar("1.5e3", [{ type: "number" }])).toBe(1500);
    expect(coerceScalar("1.", [{ type: "number" }])).toBe(1);
  });

  it("the server answers 400 naming the field, and keeps answering", { timeout: 10_000 }, async () => {
    const res = await fetch(`${server.url}/livechat/cannedMessages`, {
      method: "POST",
      headers: { authorization: AUTH, "content-type": "application/x-www-form-urlencoded" },
      body: `name=a&message=b&categoryId=${DIGITS}x`,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe("Parameter 'categoryId' must be integer.");
    const ok = await fetch(`${server.url}/livechat/departments`, { headers: { authorization: AUTH } });
    expect(ok.status).toBe(200);
  });
});
