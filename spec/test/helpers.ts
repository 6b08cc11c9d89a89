import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The spec package folder. */
export const specDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The documented samples and the endpoint inventory (test data, inside the repository). */
export { inventoryFile, loadSamples, samplesDir, type Sample } from "@comm100-sdk/spec-reader";

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

export type Operation = {
  operationId: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: unknown;
  responses: Record<
    string,
    {
      $ref?: string;
      description?: string;
      content?: Record<string, { schema?: unknown; examples?: Record<string, { value?: unknown; $ref?: string }> }>;
    }
  >;
};
export type Parameter = { name: string; in: string; required?: boolean; schema?: Record<string, unknown>; $ref?: string };
export type PathItem = { parameters?: Parameter[] } & Partial<Record<(typeof HTTP_METHODS)[number], Operation>>;
export type OpenApi = {
  tags: { name: string; description?: string }[];
  paths: Record<string, PathItem>;
  components: {
    parameters: Record<string, unknown>;
    schemas: Record<string, unknown>;
    examples: Record<string, unknown>;
    [section: string]: Record<string, unknown> | undefined;
  };
};

export function loadBundle(): OpenApi {
  return JSON.parse(readFileSync(path.join(specDir, "dist", "openapi.json"), "utf8")) as OpenApi;
}

export type OperationRef = { method: string; path: string; operation: Operation; pathItem: PathItem };

export function listOperations(spec: OpenApi): OperationRef[] {
  const out: OperationRef[] = [];
  for (const [p, item] of Object.entries(spec.paths)) {
    for (const m of HTTP_METHODS) {
      const operation = item[m];
      if (operation) out.push({ method: m, path: p, operation, pathItem: item });
    }
  }
  return out;
}

/**
 * Where the docs spell a path differently from the one this description chose, the doc spelling
 * maps here (each choice is explained in DECISIONS.md). Every other doc path is used as written,
 * minus the `/api/v1` server prefix.
 */
export const DOC_PATH_ALIASES: Record<string, string> = {
  // category DELETE: paths table and sample URL use the singular
  "/livechat/cannedMessageCategory/{id}": "/livechat/cannedMessageCategories/{id}",
  // Right Now: section heading (lower-case n) and sample URL (no `realtime/`)
  "/livechat/reports/realtime/rightnow": "/livechat/reports/realtime/rightNow",
  "/livechat/reports/rightnow": "/livechat/reports/realtime/rightNow",
  // Chat Source by page: the paths table's spelling
  "/livechat/reports/chatSourceRequestPage": "/livechat/reports/chatSource/requestPage",
};

/** Maps a documented path (with `/api/v1`, or the legacy `/livechatapi` base) to the spec's path. */
export function toSpecPath(docPath: string): string {
  const p = docPath.replace(/^\/api\/v1(?=\/)/, "").replace(/^\/livechatapi\//, "/livechat/");
  return DOC_PATH_ALIASES[p] ?? p;
}

/** Turns a sample URL back into a path template using the sample's own path values. */
export function templateOf(sampleUrl: string, pathParams: Record<string, string>): string {
  const { pathname } = new URL(sampleUrl);
  const byValue = new Map(Object.entries(pathParams).map(([k, v]) => [v, k]));
  return pathname
    .split("/")
    .map((seg) => (byValue.has(decodeURIComponent(seg)) ? `{${byValue.get(decodeURIComponent(seg))}}` : seg))
    .join("/");
}

export function findOperation(spec: OpenApi, method: string, docPath: string): Operation | undefined {
  return spec.paths[toSpecPath(docPath)]?.[method.toLowerCase() as (typeof HTTP_METHODS)[number]];
}

/** JSON pointer escaping for one token. */
export const pointerToken = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");
