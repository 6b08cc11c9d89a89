// A user's own data (`data` / `--data file.json`): collections in the documented shapes, each
// record checked against its spec schema, so a typo fails at start and not in a test later.
import { readFileSync } from "node:fs";
import { createAjv2020 } from "../validate.js";
import type { OpenAPIDocument } from "../spec.js";
import { COLLECTIONS, RECORD_SCHEMAS, type MockData } from "./data.js";
import { emptyData, linkMemberships } from "./store.js";

export type DataInput = Partial<MockData> | string;

export function loadData(spec: OpenAPIDocument, input: DataInput): MockData {
  const raw: unknown = typeof input === "string" ? JSON.parse(readFileSync(input, "utf8")) : structuredClone(input);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new TypeError("data must be an object of collections");
  // A snapshot of the mock ({ ..., data }) loads as well as the bare collections.
  const source = ("data" in raw && typeof (raw as { data: unknown }).data === "object" ? (raw as { data: object }).data : raw) as Record<
    string,
    unknown
  >;
  const unknown = Object.keys(source).filter((k) => !(COLLECTIONS as readonly string[]).includes(k));
  if (unknown.length) throw new TypeError(`data has unknown collections: ${unknown.join(", ")}; known: ${COLLECTIONS.join(", ")}`);
  const ajv = createAjv2020({ strict: false });
  ajv.addSchema(spec, "spec");
  const data = emptyData();
  for (const c of COLLECTIONS) {
    const records = source[c] ?? [];
    if (!Array.isArray(records)) throw new TypeError(`data.${c} must be an array`);
    const validate = ajv.compile({ $ref: `spec#/components/schemas/${RECORD_SCHEMAS[c]}` });
    const ids = new Set<unknown>();
    records.forEach((r, i) => {
      if (!validate(r)) throw new TypeError(`data.${c}[${i}] is not a valid ${RECORD_SCHEMAS[c]}: ${ajv.errorsText(validate.errors)}`);
      const id = (r as { id: unknown }).id;
      if (ids.has(id)) throw new TypeError(`data.${c}[${i}] repeats id ${String(id)}`);
      ids.add(id);
    });
    (data as unknown as Record<string, unknown[]>)[c] = records;
  }
  linkMemberships(data);
  return data;
}
