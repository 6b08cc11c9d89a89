#!/usr/bin/env node
// Writes src/generated/commands.ts: one row per operation of the bundled spec, with everything the
// CLI needs to build its commands, flags, help and requests (names, types, enums, required marks,
// summaries and descriptions). Run by `pnpm --filter @comm100-sdk/cli generate`; a test fails when
// the committed file differs from a fresh run.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { listOperations, loadSpec, resolveRef } from "@comm100-sdk/spec-reader";

const OUT = fileURLToPath(new URL("../src/generated/commands.ts", import.meta.url));

/** Flags of the CLI itself; an operation field with one of these names would be ambiguous. */
export const RESERVED_FLAGS = ["format", "all", "profile", "user", "api-key", "domain", "base-url", "timeout", "help", "data", "quiet"];

/** "offlineMessages" -> "offline-messages", "date_from" -> "date-from", "timeFrom" -> "time-from" */
export function kebab(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[_\s]+/g, "-")
    .toLowerCase();
}

/** One flag type from a schema: string, integer, number, boolean, integer[], string[] or json. */
function flagType(spec, raw) {
  const schema = resolveRef(spec, raw) ?? {};
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const types = alternatives.map((s) => resolveRef(spec, s)?.type);
    if (types.includes("boolean")) return { type: "boolean" }; // e.g. LooseBoolean: true/false or "true"/"false"
    return flagType(spec, alternatives[0]);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "array") {
    const items = resolveRef(spec, schema.items) ?? {};
    if (items.type === "integer" || items.type === "number" || items.type === "string") return { type: `${items.type}[]`, schema: items };
    return { type: "json" };
  }
  if (type === "object") return { type: "json" };
  return { type: type ?? "string", schema };
}

/** The checks a flag value gets before anything is sent, taken from its schema. */
function constraints(schema = {}) {
  const out = {};
  if (Array.isArray(schema.enum)) out.enum = schema.enum.map(String);
  if (schema.pattern) out.pattern = schema.pattern;
  if (schema.format) out.format = schema.format;
  if (schema.minimum !== undefined) out.minimum = schema.minimum;
  if (schema.maximum !== undefined) out.maximum = schema.maximum;
  if (schema.default !== undefined) out.default = schema.default;
  return out;
}

const oneLine = (s) => (s ?? "").replace(/\s+/g, " ").trim();

function flagFor(spec, name, raw, { in: where, required, description }) {
  const schema = resolveRef(spec, raw) ?? {};
  const { type, schema: inner } = flagType(spec, schema);
  const flag = kebab(name);
  if (RESERVED_FLAGS.includes(flag)) throw new Error(`field ${name} collides with the CLI's own --${flag}`);
  return {
    flag,
    name,
    in: where,
    type,
    required: !!required,
    description: oneLine(description ?? schema.description),
    ...constraints({ ...(inner ?? {}), default: schema.default }),
  };
}

export function buildCommands(spec = loadSpec()) {
  const rows = [];
  for (const op of listOperations(spec)) {
    const item = resolveRef(spec, spec.paths[op.path]);
    const raw = item[op.method.toLowerCase()];
    const params = [...(item.parameters ?? []), ...(raw.parameters ?? [])].map((p) => resolveRef(spec, p));
    const args = op.pathParams.map((name) => {
      const p = params.find((x) => x.in === "path" && x.name === name) ?? { schema: { type: "string" } };
      const schema = resolveRef(spec, p.schema) ?? {};
      return { name, type: schema.type ?? "string", description: oneLine(p.description ?? schema.description), ...constraints(schema) };
    });
    const flags = params
      .filter((p) => p.in === "query")
      .map((p) => flagFor(spec, p.name, p.schema, { in: "query", required: p.required, description: p.description }));
    let body = null;
    if (op.body) {
      const schema = resolveRef(spec, op.body.schema) ?? {};
      const form = op.body.contentType === "application/x-www-form-urlencoded";
      if (schema.type === "object" || schema.properties) {
        const required = schema.required ?? [];
        for (const [name, prop] of Object.entries(schema.properties ?? {})) {
          flags.push(flagFor(spec, name, prop, { in: "body", required: required.includes(name) }));
        }
        body = {
          contentType: op.body.contentType,
          kind: form ? "form" : "object",
          required: op.body.required,
          listFields: op.body.listFields,
        };
      } else {
        // A body that is not an object (the visitor's custom variables: a JSON array) is given whole with --data.
        body = {
          contentType: op.body.contentType,
          kind: "raw",
          required: op.body.required,
          description: oneLine(schema.description),
          listFields: [],
        };
      }
    }
    const page = op.queryParams.some((q) => q.name === "page");
    const success = resolveRef(spec, raw.responses?.[String(op.successStatus)]);
    const schema = resolveRef(spec, Object.values(success?.content ?? {})[0]?.schema) ?? {};
    const itemsKey = page
      ? (Object.entries(schema.properties ?? {}).find(([, s]) => resolveRef(spec, s)?.type === "array")?.[0] ?? null)
      : null;
    // The item's properties, in spec order: the stable CSV columns of `export` (every page, every resume).
    const itemSchema = itemsKey ? resolveRef(spec, resolveRef(spec, schema.properties[itemsKey]).items) : null;
    const itemColumns = itemSchema ? Object.keys(itemSchema.properties ?? {}) : null;
    rows.push({
      resource: kebab(op.namespace),
      action: kebab(op.methodName),
      operationId: op.operationId,
      namespace: op.namespace,
      methodName: op.methodName,
      method: op.method,
      path: op.path,
      tag: op.tag,
      summary: oneLine(op.summary),
      description: oneLine(op.description),
      args,
      flags,
      body,
      itemsKey,
      itemColumns,
    });
  }
  const tags = Object.fromEntries((spec.tags ?? []).map((t) => [t.name, oneLine(t.description)]));
  const resources = [];
  for (const row of rows) {
    if (!resources.some((r) => r.name === row.resource))
      resources.push({ name: row.resource, tag: row.tag, description: tags[row.tag] ?? "" });
  }
  return { resources, commands: rows };
}

export function render(spec = loadSpec()) {
  const { resources, commands } = buildCommands(spec);
  return `// Generated by packages/cli/scripts/generate-commands.mjs from spec/dist/openapi.json. Do not edit.
import type { CommandSpec, ResourceSpec } from "../command-types.js";

export const RESOURCES: readonly ResourceSpec[] = ${JSON.stringify(resources, null, 2)};

export const COMMANDS: readonly CommandSpec[] = ${JSON.stringify(commands, null, 2)};
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OUT, render());
  console.log(`wrote ${OUT}`);
}
