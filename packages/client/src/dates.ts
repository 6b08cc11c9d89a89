const DATE_RE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
// yyyy-MM-dd, optionally THH:mm[:ss[.fraction]] and then Z or an offset (±hh:mm, ±hhmm, ±hh);
// each field within its range (a day past the month's end is refused below)
const ISO_RE =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d+)?)?(Z|([+-])([01]\d|2[0-3]):?([0-5]\d)?)?)?$/i;

/**
 * Parses a date as Comm100 v1 returns it: a Microsoft JSON date, `"/Date(1358453897)/"`, or an
 * ISO 8601 text such as `"2013-01-17T20:18:17Z"` (a mock or a proxy may answer that form).
 *
 * `/Date(n)/`: the unit is not documented. Chats and offline messages carry 10 digits (seconds);
 * .NET writes 13 digits (milliseconds); the visitor samples carry 11 digits, which fit neither.
 * Rule: a value whose magnitude is below 1e11 is **seconds** (that covers every date up to the
 * year 5138), anything larger is **milliseconds**. So 11-digit values are read as seconds; pass
 * `unit` to force a reading. A `+hhmm` offset suffix is accepted and ignored (the number is
 * already UTC).
 *
 * ISO 8601: `yyyy-MM-dd`, optionally followed by `THH:mm`, `:ss`, a fraction and `Z` or an
 * offset (`+08:00`, `+0800`, `+08`). A text without `Z` or an offset is read as **UTC** (the way
 * the client writes a `Date` into a date parameter), whatever the machine's time zone; `unit`
 * does not apply. Out-of-range fields (`2024-02-30`, `24:00`) are refused, not rolled over.
 *
 * A `Date` is returned as it is, so the call works on a field in either `dates` mode. Throws a
 * `TypeError` for anything else, and a `RangeError` for a value outside the range of a `Date`
 * (±8.64e15 ms).
 */
export function parseComm100Date(value: string | Date, unit?: "s" | "ms"): Date;
/** An optional date field: `undefined` stays `undefined` (a missing field is not an error). */
export function parseComm100Date(value: string | Date | undefined, unit?: "s" | "ms"): Date | undefined;
export function parseComm100Date(value: string | Date | undefined, unit?: "s" | "ms"): Date | undefined {
  if (value === undefined || value instanceof Date) return value;
  const text = typeof value === "string" ? value.trim() : "";
  const m = DATE_RE.exec(text);
  const iso = ISO_RE.exec(text);
  const d = new Date(Number.NaN);
  if (m) {
    const n = Number(m[1]);
    d.setTime((unit ? unit === "s" : Math.abs(n) < 1e11) ? n * 1000 : n);
  } else if (iso) {
    const [, y, mo, day, h, mi, s, f, , sign, oh, om] = iso;
    d.setTime(0);
    d.setUTCFullYear(+y!, +mo! - 1, +day!);
    // a day past the month's end (2024-02-30) would roll over: refused by reading the day back
    if (d.getUTCDate() === +day!)
      d.setUTCHours(+(h ?? 0), +(mi ?? 0) - (sign === "-" ? -1 : 1) * (+(oh ?? 0) * 60 + +(om ?? 0)), +(s ?? 0), +(f ?? 0) * 1000);
    else d.setTime(Number.NaN);
  }
  if (!m && Number.isNaN(d.getTime())) throw new TypeError(`Not a /Date(n)/ or ISO 8601 date: ${JSON.stringify(value)}`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Out of the range of a Date: ${JSON.stringify(value)}`);
  return d;
}
