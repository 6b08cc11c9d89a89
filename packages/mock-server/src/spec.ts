// Reading the OpenAPI document the mock serves, and the one place its base path is derived.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** An OpenAPI 3.1 document as a plain object. */
export type OpenAPIDocument = Record<string, unknown>;

/** Reads the bundled spec that ships with `@comm100-sdk/openapi`. */
export function loadDefaultSpec(): OpenAPIDocument {
  const require = createRequire(import.meta.url);
  const file = require.resolve("@comm100-sdk/openapi/openapi.json");
  return JSON.parse(readFileSync(file, "utf8")) as OpenAPIDocument;
}

/** The spec option: the bundled spec, a document object (copied) or the path of a JSON file. */
export function readSpec(spec: OpenAPIDocument | string | undefined): OpenAPIDocument {
  if (spec === undefined) return loadDefaultSpec();
  if (typeof spec === "string") return JSON.parse(readFileSync(spec, "utf8")) as OpenAPIDocument;
  return structuredClone(spec);
}

/** `/api/v1` from the first server URL `https://{domain}/api/v1`; `/` when it has no path. */
export function basePathOf(spec: OpenAPIDocument): string {
  const servers = spec.servers as Array<{ url?: string }> | undefined;
  const url = servers?.[0]?.url ?? "/";
  const scheme = url.indexOf("://");
  let path = url;
  if (scheme >= 0) {
    const slash = url.indexOf("/", scheme + 3);
    path = slash < 0 ? "" : url.slice(slash);
  }
  let end = path.length;
  while (end > 0 && path[end - 1] === "/") end--;
  path = path.slice(0, end);
  return path === "" ? "/" : path.startsWith("/") ? path : `/${path}`;
}
