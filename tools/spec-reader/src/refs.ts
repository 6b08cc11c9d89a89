// Local `$ref` resolution for the bundled spec (every reference in it is `#/...`).

/** Follows `#/...` references until a node without one; `undefined` for a cycle or a dangling ref. */
export function resolveRef(doc: unknown, node: unknown): any {
  let n: any = node;
  const seen = new Set<string>();
  while (n && typeof n === "object" && typeof n.$ref === "string" && n.$ref.startsWith("#/")) {
    const ref: string = n.$ref;
    if (seen.has(ref)) return undefined;
    seen.add(ref);
    n = ref
      .slice(2)
      .split("/")
      .reduce<any>((o, k) => o?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return n;
}
