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
  it("reads ISO 8601: Z, offsets in three spellings, fractions, minutes only, a date alone", () => {
    const iso = (v: string) => parseComm100Date(v).toISOString();
    expect(iso("2013-01-17T20:18:17Z")).toBe("2013-01-17T20:18:17.000Z");
    expect(iso("2013-01-17T20:18:17.123z")).toBe("2013-01-17T20:18:17.123Z");
    expect(iso("2013-01-17T20:18:17.1234567Z")).toBe("2013-01-17T20:18:17.123Z");
    expect(iso("2013-01-18T04:18:17+08:00")).toBe("2013-01-17T20:18:17.000Z");
    expect(iso("2013-01-18T04:18:17+0800")).toBe("2013-01-17T20:18:17.000Z");
    expect(iso("2013-01-17T12:18:17-08")).toBe("2013-01-17T20:18:17.000Z");
    expect(iso("2013-01-17T20:18Z")).toBe("2013-01-17T20:18:00.000Z");
    expect(iso("2013-01-17")).toBe("2013-01-17T00:00:00.000Z");
    expect(iso("0050-06-01T00:00:00Z")).toBe("0050-06-01T00:00:00.000Z");
  });
  it("reads an ISO time without a zone as UTC, whatever the machine's zone", () => {
    expect(parseComm100Date("2013-01-17T20:18:17").toISOString()).toBe("2013-01-17T20:18:17.000Z");
    expect(parseComm100Date("2013-01-17T20:18:17", "ms").getTime()).toBe(Date.UTC(2013, 0, 17, 20, 18, 17));
  });
  it("refuses ISO texts naming no real day or time instead of rolling them over", () => {
    for (const bad of [
      "2024-02-30",
      "2023-02-29T00:00:00Z",
      "2024-13-01",
      "2024-00-10",
      "2024-01-32",
      "2024-01-01T24:00:00Z",
      "2024-01-01T10:60Z",
      "2024-01-01T10:00:61Z",
      "2024-01-01T10:00+24:00",
    ])
      expect(() => parseComm100Date(bad), bad).toThrow(TypeError);
    expect(parseComm100Date("2024-02-29").toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });
  it('returns a Date as it is (a field already converted by `dates: "date"`)', () => {
    const d = new Date(0);
    expect(parseComm100Date(d)).toBe(d);
  });
  it("throws a TypeError for anything else", () => {
    for (const bad of [
      "",
      "2013-1-17",
      "17/01/2013",
      "2013-01-17T20",
      "2013-01-17 20:18:17",
      "/Date()/",
      "/Date(abc)/",
      "Date(1)",
      null,
      5,
    ])
      expect(() => parseComm100Date(bad as string), String(bad)).toThrow(TypeError);
  });
  it("throws a RangeError beyond the range of a Date", () => {
    expect(() => parseComm100Date("/Date(8640000000000001)/")).toThrow(RangeError);
  });
});
