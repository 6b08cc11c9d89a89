// `application/x-www-form-urlencoded` bodies, as the Comm100 docs send them.
const enc = (v: unknown) => encodeURIComponent(String(v)).replace(/%20/g, "+");

/**
 * `undefined`/`null` fields are left out; arrays of list fields (`encoding.explode: false` in the
 * spec) are joined with a literal comma, each item encoded (`departments: [1, 2]` ->
 * `departments=1,2`); other arrays repeat the key; spaces become `+`.
 */
export function formEncode(body: Record<string, unknown> | null | undefined, listFields: readonly string[] = []): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(body ?? {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      if (listFields.includes(k)) out.push(`${enc(k)}=${v.map(enc).join(",")}`);
      else for (const x of v) out.push(`${enc(k)}=${enc(x)}`);
    } else out.push(`${enc(k)}=${enc(v)}`);
  }
  return out.join("&");
}
