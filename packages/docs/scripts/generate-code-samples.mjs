#!/usr/bin/env node
// @ts-check
// Reads the bundled spec and writes, for the docs build:
//   - a decorated copy of it with the `x-codeSamples` of every operation (curl, TypeScript: see
//     SAMPLE_PROVIDERS in lib/code-samples.mjs) and a "Using the TypeScript SDK" section in the
//     introduction (never written back into spec/);
//   - one TypeScript module holding every TypeScript sample, which the docs tests type-check
//     against @comm100-sdk/client.
//
// usage: node scripts/generate-code-samples.mjs [--spec ../../spec/dist/openapi.json]
//          [--out dist/openapi.json] [--samples .tmp/samples.ts]
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SPEC_PATH, loadSpec } from "@comm100-sdk/spec-reader";
import { SAMPLE_PROVIDERS, codeSamples, decorateSpec, samplesModule } from "./lib/code-samples.mjs";
import { guideCodeBlocks, readGuides } from "./lib/guides.mjs";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * @param {{ spec?: string, out?: string, samples?: string | null }} [options]
 * @returns {{ operations: number, out: string, samples: string | null }}
 */
export function generate({
  spec: specPath = SPEC_PATH,
  out = resolve(pkgDir, "dist/openapi.json"),
  samples: samplesPath = resolve(pkgDir, ".tmp/samples.ts"),
} = {}) {
  const spec = loadSpec(specPath);
  const samples = codeSamples(spec);
  const guides = readGuides();
  const decorated = decorateSpec(spec, samples, SAMPLE_PROVIDERS, guides);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(decorated, null, 2)}\n`);
  // Beside the page: the YAML form of the document (a download link of the introduction) and the
  // decisions the descriptions link to (`DECISIONS.md#...`), when the spec's folder has them.
  for (const [from, to] of [
    [resolve(dirname(specPath), "openapi.yaml"), "openapi.yaml"],
    [resolve(dirname(specPath), "..", "DECISIONS.md"), "DECISIONS.md"],
  ]) {
    if (existsSync(String(from))) copyFileSync(String(from), resolve(dirname(out), String(to)));
  }
  if (samplesPath) {
    mkdirSync(dirname(samplesPath), { recursive: true });
    writeFileSync(samplesPath, samplesModule(spec, samples));
    // The guides' TypeScript, one module per code block, type-checked by the tests beside the samples.
    const guidesDir = resolve(dirname(samplesPath), "guides");
    rmSync(guidesDir, { recursive: true, force: true });
    mkdirSync(guidesDir, { recursive: true });
    for (const block of guideCodeBlocks(guides)) writeFileSync(resolve(guidesDir, block.name), block.source);
  }
  return { operations: samples.size, out, samples: samplesPath };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { spec: { type: "string" }, out: { type: "string" }, samples: { type: "string" } },
  });
  const opts = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, resolve(String(v))]));
  const started = performance.now();
  const r = generate(opts);
  const ms = Math.round(performance.now() - started);
  const labels = SAMPLE_PROVIDERS.map((p) => p.label).join(", ");
  console.log(
    `code samples: ${r.operations} operations x ${SAMPLE_PROVIDERS.length} samples (${labels}) -> ${r.out} (+ ${r.samples}) in ${ms} ms`,
  );
}
