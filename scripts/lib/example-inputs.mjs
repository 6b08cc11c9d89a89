// A valid input for each operation, taken from the spec's own examples: parameter examples
// (or the first enum value / default), and the first request body example. Contract tests and
// generated code samples use it so that no input is written by hand per operation.
import { listOperations, loadSpec } from "./operations.mjs";
import { resolveRef as deref } from "./refs.mjs";


function exampleOf(spec, param) {
  const p = deref(spec, param);
  const first = p.examples ? Object.values(p.examples)[0] : undefined;
  if (first) return deref(spec, first).value;
  if (p.example !== undefined) return p.example;
  const schema = deref(spec, p.schema) ?? {};
  if (schema.examples?.length) return schema.examples[0];
  if (schema.enum?.length) return schema.enum[0];
  return schema.default;
}

/**
 * { operation, pathValues: unknown[] (path order), path: Record, query: Record (required params
 * and params with an example), body: unknown | undefined }
 */
export function exampleInputs(spec = loadSpec()) {
  return listOperations(spec).map((operation) => {
    const item = deref(spec, spec.paths[operation.path]);
    const op = item[operation.method.toLowerCase()];
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(spec, p));
    const path = {};
    const query = {};
    for (const p of params) {
      const value = exampleOf(spec, p);
      if (p.in === "path") path[p.name] = value;
      else if (p.in === "query" && (p.required || value !== undefined) && p.name !== "page") query[p.name] = value;
    }
    let body;
    const rb = deref(spec, op.requestBody);
    if (rb?.content) {
      const media = Object.values(rb.content)[0];
      const ex = media.examples ? Object.values(media.examples)[0] : undefined;
      body = ex ? deref(spec, ex).value : media.example;
    }
    return { operation, pathValues: operation.pathParams.map((n) => path[n]), path, query, body };
  });
}
