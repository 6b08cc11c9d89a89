const DATE_RE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;

/**
 * Parses a Microsoft JSON date as Comm100 v1 returns it: `"/Date(1358453897)/"`.
 *
 * The unit is not documented. Chats and offline messages carry 10 digits (seconds); .NET
 * writes 13 digits (milliseconds); the visitor samples carry 11 digits, which fit neither.
 * Rule: a value whose magnitude is below 1e11 is **seconds** (that covers every date up to
 * the year 5138), anything larger is **milliseconds**. So 11-digit values are read as seconds;
 * pass `unit` to force a reading. A `+hhmm` offset suffix is accepted and ignored (the number
 * is already UTC). Throws a `TypeError` for anything else, and a `RangeError` for a number outside
 * the range of a `Date` (±8.64e15 ms).
 */
export function parseComm100Date(value: string, unit?: "s" | "ms"): Date;
/** An optional date field: `undefined` stays `undefined` (a missing field is not an error). */
export function parseComm100Date(value: string | undefined, unit?: "s" | "ms"): Date | undefined;
export function parseComm100Date(value: string | undefined, unit?: "s" | "ms"): Date | undefined {
  if (value === undefined) return undefined;
  const m = DATE_RE.exec(typeof value === "string" ? value.trim() : "");
  if (!m) throw new TypeError(`Not a /Date(n)/ value: ${JSON.stringify(value)}`);
  const n = Number(m[1]);
  const seconds = unit ? unit === "s" : Math.abs(n) < 1e11;
  const d = new Date(seconds ? n * 1000 : n);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Out of the range of a Date: ${JSON.stringify(value)}`);
  return d;
}
