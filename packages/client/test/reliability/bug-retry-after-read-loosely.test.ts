// Regression: `Retry-After: -1`, `1.5` or `2, 3` went through Date.parse and read as a past date:
// an immediate retry. RFC 9110 allows delay-seconds (a non-negative integer) or an HTTP-date; any
// other value is now ignored (plain backoff for a 503 of a read; a 429 is retried only with a valid one).
import { describe, expect, it } from "vitest";
import { Comm100RateLimitError } from "../../src/index.js";
import { parseRetryAfter } from "../../src/internal/retry-after.js";
import { clientFor, json, startServer } from "../helpers.js";

const NOW = Date.UTC(2024, 0, 31, 12, 0, 0);

describe("bug: Retry-After is read loosely", () => {
  it("only delay-seconds and IMF-fixdate HTTP-dates are read", () => {
    expect(parseRetryAfter("0", NOW)).toBe(0);
    expect(parseRetryAfter(" 120 ", NOW)).toBe(120_000);
    expect(parseRetryAfter("Wed, 31 Jan 2024 12:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfter("Wed, 31 Jan 2024 11:00:00 GMT", NOW)).toBe(0); // a past date: no wait
    expect(parseRetryAfter("Wednesday, 31-Jan-24 12:01:00 GMT", NOW)).toBe(60_000); // RFC 850 (obsolete)
    expect(parseRetryAfter("Wed Jan 31 12:00:05 2024", NOW)).toBe(5_000); // asctime (obsolete), UTC
    expect(parseRetryAfter("Wed Jan  3 12:00:00 2024", NOW)).toBe(0);
    for (const v of [
      "-1",
      "1.5",
      "2, 3",
      "1e3",
      "+5",
      "",
      "soon",
      "2024-01-31T12:00:30Z",
      "Wed, 31 Jan 2024 12:00:30 +0000",
      null,
      undefined,
    ])
      expect(parseRetryAfter(v as string, NOW), String(v)).toBeUndefined();
  });

  it("a 429 with `Retry-After: -1` is not retried at once: Comm100RateLimitError, retryAfterMs undefined", async () => {
    for (const value of ["-1", "1.5", "2, 3"]) {
      const s = await startServer((_r, res) => json(res, 429, { code: 429000, message: "slow down" }, { "retry-after": value }));
      const err = await clientFor(s)
        .agents.list()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Comm100RateLimitError);
      expect(err).toMatchObject({ status: 429, retryAfterMs: undefined });
      expect(s.requests).toHaveLength(1);
    }
  });
});
