// The one reading of the bundled spec that every generator and contract test shares:
// a flat list of operations with the names the SDK derives from tags and operationIds.
import { loadSpec, type OpenApiDocument } from "./document.js";
import { resolveRef as resolve } from "./refs.js";

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "PATCH";

export interface QueryParamInfo {
  name: string;
  required: boolean;
  schema: Record<string, any>;
}

export interface BodyInfo {
  /** The first media type of the request body. */
  contentType: string;
  required: boolean;
  schema: Record<string, any>;
  /** Form fields whose encoding says `explode: false` (lists sent comma-joined). */
  listFields: string[];
}

export interface OperationInfo {
  operationId: string;
  method: HttpMethod;
  path: string;
  tag: string;
  /** The SDK's resource namespace: camelCase of the tag. */
  namespace: string;
  /** The SDK's method name within the namespace. */
  methodName: string;
  summary: string;
  description: string;
  /** Path parameters in path order. */
  pathParams: string[];
  queryParams: QueryParamInfo[];
  body: null | BodyInfo;
  successStatus: number;
  errorStatuses: number[];
}

/** "Canned Message Categories" -> "cannedMessageCategories" */
export function camelCase(words: string): string {
  const parts = words.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return parts.map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() : p.charAt(0).toUpperCase()) + p.slice(1)).join("");
}

const pascal = (words: string): string => {
  const c = camelCase(words);
  return c.charAt(0).toUpperCase() + c.slice(1);
};

function singular(word: string): string {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("Status")) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** listAgents + "Agents" -> "list"; resetAgentApiKey -> "resetApiKey"; getChatVolumeReport + "Reports" -> "getChatVolume" */
export function methodName(operationId: string, tag: string): string {
  const plural = pascal(tag);
  for (const noun of [plural, singular(plural)]) {
    const at = operationId.indexOf(noun);
    if (at > 0) {
      const rest = operationId.slice(0, at) + operationId.slice(at + noun.length);
      return rest.charAt(0).toLowerCase() + rest.slice(1);
    }
  }
  return operationId;
}

/**
 * Every operation of the spec, in document order. Takes any parsed document (tests hold it under
 * their own types); a document without `paths` has no operations.
 */
export function listOperations(document: unknown = loadSpec()): OperationInfo[] {
  const spec = document as OpenApiDocument;
  const ops: OperationInfo[] = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = resolve(spec, rawItem);
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      const params: any[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolve(spec, p));
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((x) => x[1] as string);
      const queryParams = params
        .filter((p) => p.in === "query")
        .map((p) => ({ name: p.name as string, required: !!p.required, schema: resolve(spec, p.schema) }));
      let body: BodyInfo | null = null;
      const rb = resolve(spec, op.requestBody);
      if (rb?.content) {
        const [contentType, media] = Object.entries<any>(rb.content)[0] as [string, any];
        const listFields = Object.entries<any>(media.encoding ?? {})
          .filter(([, e]) => e.explode === false)
          .map(([k]) => k);
        body = { contentType, required: !!rb.required, schema: media.schema, listFields };
      }
      const statuses = Object.keys(op.responses ?? {});
      const tag: string = op.tags?.[0] ?? "default";
      ops.push({
        operationId: op.operationId,
        method: m.toUpperCase() as HttpMethod,
        path,
        tag,
        namespace: camelCase(tag),
        methodName: methodName(op.operationId, tag),
        summary: op.summary ?? "",
        description: op.description ?? "",
        pathParams,
        queryParams,
        body,
        successStatus: Number(statuses.find((s) => s.startsWith("2")) ?? 200),
        errorStatuses: statuses.filter((s) => /^[45]/.test(s)).map(Number),
      });
    }
  }
  const seen = new Set<string>();
  for (const op of ops) {
    const key = `${op.namespace}.${op.methodName}`;
    if (seen.has(key)) op.methodName = op.operationId; // keep names unique within a namespace
    seen.add(`${op.namespace}.${op.methodName}`);
  }
  return ops;
}
