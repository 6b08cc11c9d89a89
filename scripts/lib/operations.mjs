// The one reading of the bundled spec that every generator and contract test shares:
// a flat list of operations with the names the SDK derives from tags and operationIds.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolveRef as resolve } from "./refs.mjs";

export const SPEC_PATH = fileURLToPath(new URL("../../spec/dist/openapi.json", import.meta.url));
const METHODS = ["get", "put", "post", "delete", "patch"];

/** Loads spec/dist/openapi.json (built by `pnpm build`). */
export function loadSpec(path = SPEC_PATH) {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** "Canned Message Categories" -> "cannedMessageCategories" */
export function camelCase(words) {
  const parts = words.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return parts.map((p, i) => (i === 0 ? p[0].toLowerCase() : p[0].toUpperCase()) + p.slice(1)).join("");
}

const pascal = (words) => {
  const c = camelCase(words);
  return c[0].toUpperCase() + c.slice(1);
};

function singular(word) {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("Status")) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** listAgents + "Agents" -> "list"; resetAgentApiKey -> "resetApiKey"; getChatVolumeReport + "Reports" -> "getChatVolume" */
export function methodName(operationId, tag) {
  const plural = pascal(tag);
  for (const noun of [plural, singular(plural)]) {
    const at = operationId.indexOf(noun);
    if (at > 0) {
      const rest = operationId.slice(0, at) + operationId.slice(at + noun.length);
      return rest[0].toLowerCase() + rest.slice(1);
    }
  }
  return operationId;
}


/**
 * Every operation of the spec, in document order:
 * { operationId, method: "GET", path, tag, namespace, methodName, summary, description,
 *   pathParams: string[] (in path order), queryParams: [{name, required, schema}],
 *   body: null | { contentType, required, schema, listFields: string[] },
 *   successStatus, errorStatuses: number[] }
 */
export function listOperations(spec = loadSpec()) {
  const ops = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = resolve(spec, rawItem);
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolve(spec, p));
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]);
      const queryParams = params
        .filter((p) => p.in === "query")
        .map((p) => ({ name: p.name, required: !!p.required, schema: resolve(spec, p.schema) }));
      let body = null;
      const rb = resolve(spec, op.requestBody);
      if (rb?.content) {
        const [contentType, media] = Object.entries(rb.content)[0];
        const listFields = Object.entries(media.encoding ?? {})
          .filter(([, e]) => e.explode === false)
          .map(([k]) => k);
        body = { contentType, required: !!rb.required, schema: media.schema, listFields };
      }
      const statuses = Object.keys(op.responses ?? {});
      const tag = op.tags?.[0] ?? "default";
      ops.push({
        operationId: op.operationId,
        method: m.toUpperCase(),
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
  const seen = new Set();
  for (const op of ops) {
    const key = `${op.namespace}.${op.methodName}`;
    if (seen.has(key)) op.methodName = op.operationId; // keep names unique within a namespace
    seen.add(`${op.namespace}.${op.methodName}`);
  }
  return ops;
}
