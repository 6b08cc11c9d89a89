// Where the bundled spec lives and how it is loaded. The document is typed loosely on purpose:
// generators and tests walk arbitrary parts of it; the reader's own results are typed exactly.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A bundled OpenAPI 3.1 document (every `$ref` local, as `redocly bundle` writes it). */
export interface OpenApiDocument {
  openapi?: string;
  info?: Record<string, any>;
  servers?: { url: string; description?: string; variables?: Record<string, { default?: string; enum?: string[] }> }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, any>;
  components?: Record<string, Record<string, any>>;
  [key: string]: any;
}

// src/ and dist/ are both two levels below the package, which is two levels below the root.
/** spec/dist/openapi.json, written by `pnpm build` (the spec's bundle task). */
export const SPEC_PATH = fileURLToPath(new URL("../../../spec/dist/openapi.json", import.meta.url));

/** Loads the bundled spec (spec/dist/openapi.json by default). */
export function loadSpec(path: string = SPEC_PATH): OpenApiDocument {
  return JSON.parse(readFileSync(path, "utf8")) as OpenApiDocument;
}
