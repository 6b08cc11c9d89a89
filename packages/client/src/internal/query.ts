// The query string: keys and values percent-encoded (a key such as "a=1&admin" or one holding "#"
// cannot change the query). Values arrive as text from prepareParams.
const e = encodeURIComponent;

export const serializeQuery = (query: Record<string, unknown>): string =>
  Object.entries(query)
    .map(([k, v]) => `${e(k)}=${e(String(v))}`)
    .join("&");
