// RFC 9110 §10.2.3: `Retry-After` is delay-seconds (a non-negative integer) or an HTTP-date: the
// IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, or one of the two obsolete forms a recipient must
// still accept (`Sunday, 06-Nov-94 08:49:37 GMT`, asctime's `Sun Nov  6 08:49:37 1994`, which is
// UTC). Anything else (`-1`, `1.5`, `2, 3`, an ISO date Date.parse would take) is ignored rather
// than read as "now".
const HTTP_DATE =
  /^(?:[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT|[A-Z][a-z]{5,8}, \d\d-[A-Z][a-z]{2}-\d\d \d\d:\d\d:\d\d GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4})$/;

/** The wait a `Retry-After` value asks for, in ms (0 for a date in the past), or undefined. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const v = value?.trim() ?? "";
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = HTTP_DATE.test(v) ? Date.parse(v.endsWith("GMT") ? v : `${v} GMT`) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
