// RFC 9110 §10.2.3: `Retry-After` is delay-seconds (a non-negative integer) or an HTTP-date
// (IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`). Anything else (`-1`, `1.5`, `2, 3`, a bare year
// that Date.parse would accept) is ignored rather than read as "now".
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/;

/** The wait a `Retry-After` value asks for, in ms (0 for a date in the past), or undefined. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const v = value?.trim() ?? "";
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = IMF_FIXDATE.test(v) ? Date.parse(v) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
