import { describe, expect, it } from "vitest";
import { parseComm100Date } from "../src/index.js";

describe("parseComm100Date", () => {
  it("10 digits are seconds", () => {
    expect(parseComm100Date("/Date(1358453897)/").toISOString()).toBe("2013-01-17T20:18:17.000Z");
  });
  it("13 digits are milliseconds", () => {
    expect(parseComm100Date("/Date(1358453897123)/").toISOString()).toBe("2013-01-17T20:18:17.123Z");
  });
  it("11 digits (the visitor samples) are below 1e11, so seconds", () => {
    expect(parseComm100Date("/Date(13584868423)/").getTime()).toBe(13584868423 * 1000);
    expect(parseComm100Date("/Date(99999999999)/").getTime()).toBe(99999999999 * 1000);
    expect(parseComm100Date("/Date(100000000000)/").getTime()).toBe(100000000000);
  });
  it("the unit can be forced", () => {
    expect(parseComm100Date("/Date(13584868423)/", "ms").getTime()).toBe(13584868423);
    expect(parseComm100Date("/Date(1358453897123)/", "s").getTime()).toBe(1358453897123000);
  });
  it("accepts negative values and an offset suffix (ignored: the number is UTC)", () => {
    expect(parseComm100Date("/Date(-86400)/").toISOString()).toBe("1969-12-31T00:00:00.000Z");
    expect(parseComm100Date("/Date(1358453897000+0800)/").toISOString()).toBe("2013-01-17T20:18:17.000Z");
  });
  it("passes a missing optional field through as undefined", () => {
    const chat: { end_time?: string } = {};
    expect(parseComm100Date(chat.end_time)).toBeUndefined();
  });
  it("throws a TypeError for anything else", () => {
    for (const bad of ["", "2013-01-17", "/Date()/", "/Date(abc)/", "Date(1)", null, 5])
      expect(() => parseComm100Date(bad as string)).toThrow(TypeError);
  });
});
