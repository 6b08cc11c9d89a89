// Every request sample of the public v1 docs, sent the way the docs' curl sends it, gets a 2xx.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { basePathOf, call, listOperations, loadSamples, loadSpec, useMockServer, type Sample } from "./helpers.js";

const spec = loadSpec();
const base = basePathOf(spec);
const operations = listOperations(spec);
const samples = loadSamples();

/** Casing and spelling only: `rightNow` = `rightnow`, `offline_messages` = `offlineMessages`; params are wildcards. */
const normalise = (path: string) =>
  path
    .replace(/\{[^}]+\}/g, "{}")
    .replace(/[_-]/g, "")
    .toLowerCase();

/** The spec's operation for a sample, found through the documented `path` field (not the sample URL). */
function operationFor(sample: Sample) {
  const documented = sample.path.startsWith(base) ? sample.path.slice(base.length) : sample.path;
  const exact = operations.find((o) => o.method === sample.method && o.path === documented);
  return exact ?? operations.find((o) => o.method === sample.method && normalise(o.path) === normalise(documented));
}

const matched = samples.map((s) => ({ sample: s, op: operationFor(s) }));
const covered = matched.filter((m) => m.op !== undefined);
const missing = matched.filter((m) => m.op === undefined).map((m) => m.sample.file);
console.log(
  `v1 samples: ${samples.length} found, ${covered.length} map to a spec operation, ${missing.length} not in the spec yet${missing.length ? `: ${missing.join(", ")}` : ""}`,
);

/**
 * spec/DECISIONS.md records sample typos the spec chose not to carry into its enums (e.g. the
 * chat transfer sample's `group=departmemt`). A validating mock must reject those values, so a
 * sample may get 400 only when its message names a query parameter whose `name=value` pair the
 * spec's DECISIONS.md lists. Everything else must be accepted.
 */
const decisions = readFileSync(new URL("../../../spec/DECISIONS.md", import.meta.url), "utf8");
function documentedTypo(sample: Sample, message: string): string | undefined {
  for (const [name, value] of Object.entries(sample.request?.query ?? {})) {
    if (message.includes(`'${name}'`) && decisions.includes(`${name}=${value}`)) return `${name}=${value}`;
  }
  return undefined;
}
const outcome = { accepted: 0, typos: [] as string[] };

function requestFor(sample: Sample, specPath: string) {
  const req = sample.request;
  let path = specPath;
  for (const [name, value] of Object.entries(req?.pathParams ?? {})) path = path.replace(`{${name}}`, value);
  const query = Object.entries(req?.query ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (req?.bodyFormat === "form") {
    // `curl -d "a=b&c=d"`: the string as written, as a form.
    body = Object.entries(req.body as Record<string, string>)
      .map(([k, v]) => `${k}=${v}`)
      .join("&");
    headers["content-type"] = "application/x-www-form-urlencoded";
  } else if (req?.bodyFormat === "json") {
    body = JSON.stringify(req.body);
    headers["content-type"] = "application/json";
  }
  return { path: `${path}${query ? `?${query}` : ""}`, headers, body };
}

describe("documented v1 samples", () => {
  const mock = useMockServer();

  it("the samples folder holds the 68 documented samples", () => {
    expect(samples).toHaveLength(68);
  });

  it("every sample maps to an operation of the spec", () => {
    expect(missing).toEqual([]);
    expect(covered).toHaveLength(samples.length);
  });

  it.each(covered.map((m) => [m.sample.file, m] as const))("%s is accepted", async (_file, { sample, op }) => {
    const { path, headers, body } = requestFor(sample, op!.path);
    const res = await call(`${mock.url}${path}`, { method: sample.method, headers, ...(body !== undefined ? { body } : {}) });
    if (res.status === 400) {
      const typo = documentedTypo(sample, String((res.json as { message?: string } | undefined)?.message));
      if (typo) {
        outcome.typos.push(`${sample.file} (${typo})`);
        return;
      }
    }
    expect(res.status, `${sample.method} ${path} -> ${res.text}`).toBeGreaterThanOrEqual(200);
    expect(res.status, `${sample.method} ${path} -> ${res.text}`).toBeLessThan(300);
    outcome.accepted++;
  });

  it("reports the totals", () => {
    console.log(
      `v1 samples accepted: ${outcome.accepted}/${samples.length}; rejected for a typo recorded in spec/DECISIONS.md: ${outcome.typos.length}` +
        (outcome.typos.length ? ` (${outcome.typos.join(", ")})` : ""),
    );
    expect(outcome.accepted + outcome.typos.length).toBe(samples.length);
  });

  it("the docs' curl for PUT /visitors/{id} (JSON text sent with plain -d, so as a form) is accepted too", async () => {
    const sample = covered.find((m) => m.sample.request?.bodyFormat === "json")!;
    const { path } = requestFor(sample.sample, sample.op!.path);
    const res = await call(`${mock.url}${path}`, {
      method: sample.sample.method,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: JSON.stringify(sample.sample.request!.body),
    });
    expect(res.status, res.text).toBe(200);
  });
});
