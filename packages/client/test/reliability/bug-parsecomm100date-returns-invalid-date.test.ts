// Regression: parseComm100Date returned an Invalid Date for values out of a Date's range, although
// its docs say it throws. It now throws a RangeError (and still a TypeError for text that is not a date).
import { describe, expect, it } from "vitest";
import { parseComm100Date } from "../../src/index.js";

describe("bug: parseComm100Date returns an Invalid Date", () => {
  it("out-of-range values throw a RangeError", () => {
    for (const v of ["/Date(8640000000000001)/", "/Date(-8640000000000001)/", `/Date(${"9".repeat(400)})/`, "/Date(99999999999999999)/"])
      expect(() => parseComm100Date(v), v).toThrow(RangeError);
    expect(() => parseComm100Date("/Date(8640000000000001)/", "s")).toThrow(RangeError);
  });

  it("the edges of the range still parse", () => {
    expect(parseComm100Date("/Date(8640000000000000)/").getTime()).toBe(8.64e15);
    expect(parseComm100Date("/Date(8640000000000)/", "s").getTime()).toBe(8.64e15);
  });

  it("text that is neither /Date(n)/ nor ISO 8601 is still a TypeError", () => {
    for (const v of ["yesterday", "2024-02-30", "01/02/2024"]) expect(() => parseComm100Date(v), v).toThrow(TypeError);
  });
});
