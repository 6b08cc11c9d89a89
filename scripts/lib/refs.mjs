// Local `$ref` resolution for the bundled spec (every reference in it is `#/...`).

/** Follows `#/...` references until a node without one; `undefined` for a cycle or a dangling ref. */
export function resolveRef(doc, node) {
  let n = node;
  const seen = new Set();
  while (n && typeof n === "object" && typeof n.$ref === "string" && n.$ref.startsWith("#/")) {
    if (seen.has(n.$ref)) return undefined;
    seen.add(n.$ref);
    n = n.$ref
      .slice(2)
      .split("/")
      .reduce((o, k) => o?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return n;
}
