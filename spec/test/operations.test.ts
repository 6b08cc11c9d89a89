import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findOperation, listOperations, loadBundle, loadSamples, inventoryFile, templateOf, toSpecPath } from "./helpers.js";

const spec = loadBundle();
const ops = listOperations(spec);
const samples = loadSamples();

const inventoryText = readFileSync(inventoryFile, "utf8");

/** Groups and endpoint counts from the Summary table of the reference inventory. */
function inventory(): { group: string; count: number }[] {
  const md = inventoryText;
  const summary = md.slice(md.indexOf("## Summary"), md.indexOf("\n---\n", md.indexOf("## Summary")));
  const rows: { group: string; count: number }[] = [];
  for (const line of summary.split("\n")) {
    const m = /^\| (\d+) \| ([^|]+?) \| (\d+) \|/.exec(line);
    if (m && Number(m[1]) > 0) rows.push({ group: (m[2] ?? "").replace(/\s*\(.*\)\s*$/, "").trim(), count: Number(m[3]) });
  }
  return rows;
}

/** The two documented operations the docs give no sample for (see the samples README). */
const WITHOUT_SAMPLE = [
  ["put", "/livechat/operators/{email}"], // Update an Agent
  ["get", "/livechat/reports/realtime/today"], // Real Time - Today
] as const;

/** The inventory's "Total public endpoints" row. */
const documentedTotal = Number(/\*\*Total public endpoints\*\*\s*\|\s*\*\*(\d+)\*\*/.exec(inventoryText)?.[1]);

describe("operation inventory", () => {
  it("has as many operations as the inventory documents endpoints, the groups adding up to its total", () => {
    const groups = inventory();
    expect(documentedTotal).toBeGreaterThan(0);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(documentedTotal);
    expect(ops).toHaveLength(documentedTotal);
  });

  it("has one tag per documented group, in the docs' order, with the documented number of operations", () => {
    const groups = inventory();
    expect(groups.length).toBeGreaterThan(0);
    expect(spec.tags.map((t) => t.name)).toEqual(groups.map((g) => g.group));
    const perTag = new Map<string, number>();
    for (const { operation } of ops) {
      expect(operation.tags).toHaveLength(1);
      const tag = operation.tags[0] ?? "";
      perTag.set(tag, (perTag.get(tag) ?? 0) + 1);
    }
    expect(Object.fromEntries(perTag)).toEqual(Object.fromEntries(groups.map((g) => [g.group, g.count])));
  });

  it("every tag has a description", () => {
    for (const t of spec.tags) expect(t.description?.trim().length ?? 0, t.name).toBeGreaterThan(20);
  });

  it("operationIds are unique, camelCase and start with a verb", () => {
    const ids = ops.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(list|get|create|update|delete|reset|mark)[A-Z][A-Za-z]*$/);
  });

  it("every operation has a summary and a description", () => {
    for (const { operation } of ops) {
      const o = operation as unknown as { summary?: string; description?: string };
      expect(o.summary, operation.operationId).toBeTruthy();
      expect(o.description, operation.operationId).toBeTruthy();
    }
  });

  it("every operation shares the 401, 403 and 500 responses and has its own 400 and 404 examples", () => {
    const shared = {
      "401": "#/components/responses/Unauthorized",
      "403": "#/components/responses/Forbidden",
      "500": "#/components/responses/InternalServerError",
    };
    type ErrorExample = { value: { code: number; message: string }; "x-comm100-illustrative"?: boolean };
    const byRef = <T>(section: Record<string, unknown>, node: { $ref?: string } | undefined): T | undefined =>
      (node?.$ref ? section[node.$ref.split("/").pop()!] : node) as T | undefined;
    const messages400 = new Set<string>();
    for (const { operation, pathItem } of ops) {
      for (const [status, ref] of Object.entries(shared)) {
        expect(operation.responses[status]?.$ref, `${operation.operationId} ${status}`).toBe(ref);
      }
      expect(operation.responses["200"], operation.operationId).toBeDefined();
      const own: Record<string, ErrorExample> = {};
      for (const status of ["400", "404"]) {
        const media = operation.responses[status]?.content?.["application/json"];
        expect((media?.schema as { $ref?: string } | undefined)?.$ref, `${operation.operationId} ${status}`).toBe(
          "#/components/schemas/Error",
        );
        const examples = Object.values(media?.examples ?? {}) as unknown as ErrorExample[];
        expect(examples.length, `${operation.operationId} ${status}`).toBe(1);
        const example = examples[0]!;
        expect(example["x-comm100-illustrative"], `${operation.operationId} ${status}`).toBe(true);
        expect(example.value.code).toBe(Number(status) * 1000);
        own[status] = example;
      }
      messages400.add(own["400"]!.value.message);
      // A 400 that names a parameter names one this operation has (query, path or body field).
      const named = /^Parameter '([^']+)'/.exec(own["400"]!.value.message)?.[1];
      if (named) {
        const params = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(
          (p) => byRef<{ name: string }>(spec.components.parameters, p)?.name,
        );
        const content = (operation.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> } | undefined)?.content;
        const bodySchema = byRef<{ properties?: Record<string, unknown> }>(
          spec.components.schemas,
          Object.values(content ?? {})[0]?.schema,
        );
        const fields = Object.keys(bodySchema?.properties ?? {});
        expect([...params, ...fields], `${operation.operationId}: 400 names '${named}'`).toContain(named);
      }
    }
    // Not one message for all: the examples fit their operations.
    expect(messages400.size).toBeGreaterThan(3);
  });

  it("the literal /livechat/visitors/chatting is declared before /livechat/visitors/{id}", () => {
    const keys = Object.keys(spec.paths);
    expect(keys.indexOf("/livechat/visitors/chatting")).toBeGreaterThanOrEqual(0);
    expect(keys.indexOf("/livechat/visitors/chatting")).toBeLessThan(keys.indexOf("/livechat/visitors/{id}"));
  });
});

describe("documented operations exist", () => {
  it.each(samples.map((s) => [`${s.method} ${s.path}`, s] as const))("%s", (_name, sample) => {
    expect(findOperation(spec, sample.method, sample.path)).toBeDefined();
  });

  it("each sample URL, as the docs wrote it, maps to the same operation", () => {
    for (const s of samples) {
      const docPath = s.request ? templateOf(s.request.sampleUrl, s.request.pathParams) : s.path;
      expect(toSpecPath(docPath), s.file).toBe(toSpecPath(s.path));
    }
  });

  it("samples cover 68 distinct operations; the 2 without a sample exist too", () => {
    const covered = new Set(samples.map((s) => `${s.method.toLowerCase()} ${toSpecPath(s.path)}`));
    expect(covered.size).toBe(68);
    for (const [m, p] of WITHOUT_SAMPLE) {
      expect(covered.has(`${m} ${p}`)).toBe(false);
      expect(spec.paths[p]?.[m], `${m} ${p}`).toBeDefined();
    }
    expect(covered.size + WITHOUT_SAMPLE.length).toBe(ops.length);
  });
});

describe("parameters and bodies", () => {
  const param = (p: { $ref?: string; name?: string }) =>
    (p.$ref ? spec.components.parameters[p.$ref.split("/").pop()!] : p) as {
      name: string;
      in: string;
      required?: boolean;
      schema: Record<string, unknown>;
    };
  const paramsOf = (o: (typeof ops)[number]) => [...(o.pathItem.parameters ?? []), ...(o.operation.parameters ?? [])].map(param);

  it("every path template variable is declared as a required path parameter", () => {
    for (const o of ops) {
      const names = [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = paramsOf(o).filter((p) => p.in === "path");
      expect(declared.map((p) => p.name).sort(), o.operation.operationId).toEqual(names.sort());
      for (const p of declared) expect(p.required).toBe(true);
    }
  });

  it("historical reports require timeFrom and timeTo as yyyy-MM-ddTHH:mm:ss; group enums where grouped", () => {
    const reports = ops.filter((o) => o.operation.tags[0] === "Reports");
    expect(reports).toHaveLength(27);
    const historical = reports.filter((o) => !o.path.startsWith("/livechat/reports/realtime/"));
    expect(historical).toHaveLength(22);
    for (const o of historical) {
      const ps = paramsOf(o);
      for (const name of ["timeFrom", "timeTo"]) {
        const p = ps.find((x) => x.name === name);
        expect(p?.required, `${o.operation.operationId} ${name}`).toBe(true);
        expect(new RegExp(p!.schema.pattern as string).test("2017-12-01T00:00:00")).toBe(true);
        expect(new RegExp(p!.schema.pattern as string).test("2017-12-01")).toBe(false);
      }
      const group = ps.find((x) => x.name === "group");
      if (group) {
        expect(group.required).toBe(true);
        expect(Array.isArray(group.schema.enum)).toBe(true);
      }
      const filter = ps.find((x) => x.name === "filterName");
      if (filter) expect(Array.isArray(filter.schema.enum)).toBe(true);
    }
  });

  it("paginated lists take a 1-based page", () => {
    for (const p of ["/livechat/chats", "/livechat/offline_messages"]) {
      const o = ops.find((x) => x.path === p && x.method === "get")!;
      const page = paramsOf(o).find((x) => x.name === "page")!;
      expect(page.schema).toMatchObject({ type: "integer", minimum: 1, default: 1 });
    }
  });

  it("writes use form bodies with comma-separated lists, except the visitor custom variables (JSON)", () => {
    for (const o of ops.filter((x) => x.operation.requestBody)) {
      const content = (
        o.operation.requestBody as {
          content: Record<string, { schema: { $ref?: string }; encoding?: Record<string, { style: string; explode: boolean }> }>;
        }
      ).content;
      if (o.path === "/livechat/visitors/{id}") {
        expect(Object.keys(content)).toEqual(["application/json"]);
        continue;
      }
      expect(Object.keys(content), o.operation.operationId).toEqual(["application/x-www-form-urlencoded"]);
      const media = content["application/x-www-form-urlencoded"]!;
      const schema = spec.components.schemas[media.schema.$ref!.split("/").pop()!] as {
        properties: Record<string, { type?: string }>;
        additionalProperties?: unknown;
      };
      expect(schema.additionalProperties, o.operation.operationId).toBeUndefined();
      for (const [name, prop] of Object.entries(schema.properties)) {
        if (prop.type === "array")
          expect(media.encoding?.[name], `${o.operation.operationId} ${name}`).toEqual({ style: "form", explode: false });
      }
    }
  });
});

describe("provenance", () => {
  const examples = spec.components.examples as Record<string, Record<string, unknown>>;

  it("every shared example says where it comes from, machine-readably: a source page or illustrative", () => {
    const pages = new Set(samples.map((s) => s.source.split(":").pop()));
    for (const [name, ex] of Object.entries(examples)) {
      const source = ex["x-comm100-source"];
      const illustrative = ex["x-comm100-illustrative"] === true;
      expect(Boolean(source) !== illustrative, `${name}: exactly one of x-comm100-source / x-comm100-illustrative`).toBe(true);
      if (source) expect(pages, name).toContain(source);
      if (illustrative) expect(String(ex.description), name).toMatch(/^Illustrative/);
    }
  });

  it("reader-facing text names no source and links DECISIONS.md instead of naming it", () => {
    const text = JSON.stringify(spec);
    expect(text).not.toMatch(/Documented sample|the docs|The docs|docs' |public docs/);
    // Every mention of DECISIONS.md is the target of a Markdown link.
    const mentions = text.match(/DECISIONS\.md/g) ?? [];
    const links = text.match(/\]\(DECISIONS\.md(#[a-z0-9-]+)?\)/g) ?? [];
    expect(mentions.length).toBeGreaterThan(0);
    expect(links.length).toBe(mentions.length);
    // Each anchor is a heading of DECISIONS.md.
    const md = readFileSync(path.join(path.dirname(inventoryFile), "..", "DECISIONS.md"), "utf8");
    const slugs = new Set(
      [...md.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^\w\- ]/g, "")
          .replace(/ /g, "-"),
      ),
    );
    for (const l of links) {
      const anchor = /#([a-z0-9-]+)/.exec(l)?.[1];
      if (anchor) expect(slugs, l).toContain(anchor);
    }
  });
});
