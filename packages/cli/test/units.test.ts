import { describe, expect, it } from "vitest";
import { csvField, render } from "../src/output.js";
import { suggest } from "../src/usage-error.js";
import { BadValue, parseValue } from "../src/values.js";

describe("values", () => {
  it("types values as the spec says and refuses the rest", () => {
    expect(parseValue("1,2,11", "integer[]")).toEqual([1, 2, 11]);
    expect(parseValue("true", "boolean")).toBe(true);
    expect(parseValue("no", "boolean")).toBe(false);
    expect(parseValue("2.5", "number")).toBe(2.5);
    expect(() => parseValue("1,,2", "integer[]")).toThrow(BadValue);
    expect(() => parseValue("1.5", "integer")).toThrow("not an integer");
    expect(() => parseValue("0", "integer", { minimum: 1 })).toThrow("below the minimum 1");
    expect(() => parseValue("weekly", "string", { enum: ["day", "week"] })).toThrow("did you mean 'week'");
    expect(() => parseValue("2026/11/01", "string", { pattern: "^\\d{4}-\\d{1,2}-\\d{1,2}$" })).toThrow("YYYY-MM-DD");
    expect(parseValue("2026-6-7", "string", { pattern: "^\\d{4}-\\d{1,2}-\\d{1,2}$" })).toBe("2026-6-7");
  });

  it("suggests close names only", () => {
    expect(suggest("depatments", ["departments", "agents"])).toBe("departments");
    expect(suggest("zzz", ["departments", "agents"])).toBeUndefined();
  });
});

describe("output", () => {
  it("quotes CSV fields that need it (RFC 4180)", () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvField(undefined)).toBe("");
  });

  it("renders a page envelope's items as rows", () => {
    let out = "";
    const sink = { write: (s: string) => (out += s) };
    render({ chats: [{ id: "a", name: "x" }, { id: "b" }], pages: 1, total: 2 }, "jsonl", sink, "chats");
    expect(out).toBe('{"id":"a","name":"x"}\n{"id":"b"}\n');
    out = "";
    render({ chats: [{ id: "a", name: "x" }, { id: "b" }], pages: 1, total: 2 }, "csv", sink, "chats");
    expect(out).toBe("id,name\r\na,x\r\nb,\r\n");
  });
});
