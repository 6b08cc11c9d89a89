// `dates: "date"`: the date fields of a parsed 2xx body turned into `Date`s, where the spec says
// they are (src/generated/response-dates.ts, a shape per operation), never by key name.
import { parseComm100Date } from "../dates.js";
import { RESPONSE_DATES } from "../generated/response-dates.js";

type Shape = 1 | readonly [Shape] | { readonly [key: string]: Shape };
const shapes: Readonly<Record<string, Shape>> = RESPONSE_DATES;

/**
 * Converts, in place, the date fields of the answer of "METHOD path" (a parsed JSON body). A
 * missing or `null` field is left as it is; a value that is not a date calls `bad` with where it
 * is (`chats[0].start_time`) and what it is. Parts of the body not shaped as the spec says
 * (not an object or an array where it gives one) are left alone.
 */
export function reviveDates(data: unknown, key: string, bad: (at: string, value: unknown) => never): unknown {
  return Object.hasOwn(shapes, key) ? revive(data, shapes[key]!, "", bad) : data;
}

function revive(v: any, shape: Shape, at: string, bad: (at: string, value: unknown) => never): unknown {
  if (shape === 1) {
    if (v == null) return v;
    try {
      if (typeof v === "string") return parseComm100Date(v);
    } catch {}
    return bad(at, v);
  }
  if (Array.isArray(shape)) {
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) v[i] = revive(v[i], shape[0], `${at}[${i}]`, bad);
  } else if (v && typeof v === "object" && !Array.isArray(v))
    for (const k in shape) if (Object.hasOwn(v, k)) v[k] = revive(v[k], (shape as Record<string, Shape>)[k]!, at ? `${at}.${k}` : k, bad);
  return v;
}
