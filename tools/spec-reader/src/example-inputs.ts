// A valid input for each operation, taken from the spec's own examples: parameter examples
// (or the first enum value / default), and the first request body example. Contract tests and
// generated code samples use it so that no input is written by hand per operation.
import { loadSpec, type OpenApiDocument } from "./document.js";
import { listOperations, type OperationInfo } from "./operations.js";
import { resolveRef as deref } from "./refs.js";

export interface ExampleInput {
  operation: OperationInfo;
  /** Path values in path order. */
  pathValues: unknown[];
  path: Record<string, unknown>;
  /** Required query parameters and those with an example (never `page`). */
  query: Record<string, unknown>;
  body: unknown;
}

function exampleOf(spec: OpenApiDocument, param: unknown): unknown {
  const p = deref(spec, param);
  const first = p.examples ? Object.values(p.examples)[0] : undefined;
  if (first) return deref(spec, first).value;
  if (p.example !== undefined) return p.example;
  const schema = deref(spec, p.schema) ?? {};
  if (schema.examples?.length) return schema.examples[0];
  if (schema.enum?.length) return schema.enum[0];
  return schema.default;
}

/** One example input per operation of the spec, in document order (any parsed document). */
export function exampleInputs(document: unknown = loadSpec()): ExampleInput[] {
  const spec = document as OpenApiDocument;
  return listOperations(spec).map((operation) => {
    const item = deref(spec, spec.paths[operation.path]);
    const op = item[operation.method.toLowerCase()];
    const params: any[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(spec, p));
    const path: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    for (const p of params) {
      const value = exampleOf(spec, p);
      if (p.in === "path") path[p.name] = value;
      else if (p.in === "query" && (p.required || value !== undefined) && p.name !== "page") query[p.name] = value;
    }
    let body: unknown;
    const rb = deref(spec, op.requestBody);
    if (rb?.content) {
      const media: any = Object.values(rb.content)[0];
      const ex = media.examples ? Object.values(media.examples)[0] : undefined;
      body = ex ? deref(spec, ex).value : media.example;
    }
    return { operation, pathValues: operation.pathParams.map((n) => path[n]), path, query, body };
  });
}
