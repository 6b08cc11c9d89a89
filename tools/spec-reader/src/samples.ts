// The one reader of the documented samples (test data with provenance; see spec/reference/README.md).
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Folder of the sample files. */
export const samplesDir = fileURLToPath(new URL("../../../spec/reference/samples/", import.meta.url));
/** The endpoint inventory of the public v1 pages. */
export const inventoryFile = fileURLToPath(new URL("../../../spec/reference/inventory.md", import.meta.url));

export interface SampleRequest {
  pathParams: Record<string, string>;
  /** The sample's query as written (not URL-decoded). */
  query: Record<string, string>;
  sampleUrl: string;
  bodyFormat: null | "form" | "json";
  body: unknown;
}

export interface Sample {
  file: string;
  method: string;
  /** The documented path, with `/api/v1` and `{param}` placeholders. */
  path: string;
  /** Repository and page the sample comes from. */
  source: string;
  request: null | SampleRequest;
  response: unknown;
}

/** Every documented sample, sorted by file name. */
export function loadSamples(): Sample[] {
  return readdirSync(samplesDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(samplesDir + file, "utf8")) as Omit<Sample, "file">) }));
}
