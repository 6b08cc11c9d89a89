// Renders API answers for people (table, pretty JSON) and for programs (json, jsonl, csv).
import { bold, useColor } from "./color.js";

export const FORMATS = ["json", "jsonl", "csv", "table"] as const;
export type Format = (typeof FORMATS)[number];

export interface Sink {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The rows a list answer holds: the array itself, or the array of a page envelope. */
export function rowsOf(data: unknown, itemsKey?: string | null): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (itemsKey && data && typeof data === "object" && Array.isArray((data as any)[itemsKey])) return (data as any)[itemsKey];
  return undefined;
}

const cell = (v: unknown): string => (v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** Columns in first-seen order over every row. */
export function columnsOf(rows: unknown[]): string[] {
  const cols: string[] = [];
  for (const r of rows) {
    if (r && typeof r === "object" && !Array.isArray(r)) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  }
  return cols.length ? cols : ["value"];
}

const asRecord = (r: unknown): Record<string, unknown> =>
  r && typeof r === "object" && !Array.isArray(r) ? (r as Record<string, unknown>) : { value: r };

/** RFC 4180: quote fields holding a comma, quote, CR or LF; double the quotes. */
export function csvField(v: unknown): string {
  const s = cell(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(record: unknown, cols: string[]): string {
  const r = asRecord(record);
  return `${cols.map((c) => csvField(r[c])).join(",")}\r\n`;
}

export function table(rows: unknown[], color: boolean, width = 120): string {
  if (!rows.length) return "(no items)\n";
  const cols = columnsOf(rows);
  const max = Math.max(12, Math.floor(width / Math.min(cols.length, 6)) - 2);
  const clip = (s: string) => {
    const one = s.replace(/\s+/g, " ");
    return one.length > max ? `${one.slice(0, max - 1)}…` : one;
  };
  const cells = rows.map((r) => cols.map((c) => clip(cell(asRecord(r)[c]))));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return `${bold(color, line(cols.map((c) => c.toUpperCase())))}\n${cells.map(line).join("\n")}\n`;
}

/** Writes one answer in the chosen format (or the default for the sink: table/pretty JSON on a terminal, JSON on a pipe). */
export function render(data: unknown, format: Format | undefined, out: Sink, itemsKey?: string | null): void {
  const rows = rowsOf(data, itemsKey);
  const f = format ?? (out.isTTY && rows?.every((r) => r && typeof r === "object") ? "table" : "json");
  switch (f) {
    case "json":
      out.write(`${JSON.stringify(data ?? null, null, 2)}\n`);
      return;
    case "jsonl":
      for (const r of rows ?? [data]) out.write(`${JSON.stringify(r ?? null)}\n`);
      return;
    case "csv": {
      const list = rows ?? [data];
      const cols = columnsOf(list);
      out.write(`${cols.map(csvField).join(",")}\r\n`);
      for (const r of list) out.write(csvLine(r, cols));
      return;
    }
    case "table": {
      const list = rows ?? [data];
      out.write(table(list, useColor(out), out.columns ?? 120));
      if (rows && itemsKey && data && typeof data === "object" && "pages" in data && !Array.isArray(data)) {
        const env = data as { pages?: number; total?: number };
        if ((env.pages ?? 1) > 1) out.write(`(one page of ${env.pages}, ${env.total} in all; --all fetches every page)\n`);
      }
    }
  }
}
