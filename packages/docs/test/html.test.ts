// The built page, read as text: one self-contained file with every operation and nothing that
// the browser would fetch from the network by itself.
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { recordCoverage } from "@comm100-sdk/spec-reader";
import { listOperations, loadSpec } from "@comm100-sdk/spec-reader";
import { fetchedUrls } from "../scripts/offline.mjs";
import { SCRIPT_ID, THEME_ID, enhanceHtml } from "../scripts/lib/enhance.mjs";
import { EXPECTED_GUIDES } from "./expected-guides.js";
import { decoratedPath, htmlPath, specPath } from "./paths.js";

type Op = { operationId: string; method: string; path: string; summary: string; tag: string };

let html = "";
let ops: Op[] = [];

beforeAll(() => {
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} is missing: run \`pnpm turbo run build --filter=@comm100-sdk/docs...\` first`);
  html = readFileSync(htmlPath, "utf8");
  ops = listOperations(loadSpec(specPath));
});

describe("dist/index.html", () => {
  it("is one HTML file with Redoc inlined (no CDN bundle)", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<div id="redoc">');
    expect(html).toContain("hydrate(__redoc_definition");
    expect(html).not.toMatch(/import\s*\{\s*hydrate\s*\}\s*from\s*["']https?:/);
    expect(statSync(htmlPath).size).toBeGreaterThan(1_000_000); // the inlined Redoc bundle
  });

  it("contains every operationId of the spec", () => {
    expect(ops.length).toBeGreaterThan(0);
    const present = ops.filter((op) => html.includes(`"operationId":"${op.operationId}"`));
    recordCoverage(
      fileURLToPath(new URL("..", import.meta.url)),
      "operation in the built reference page",
      present.map((o) => o.operationId),
    );
    const missing = ops.filter((op) => !present.includes(op));
    expect(missing.map((o) => o.operationId)).toEqual([]);
  });

  it("has no external script, stylesheet, font, image or import URL", () => {
    expect(fetchedUrls(html)).toEqual([]);
    // independent of the helper: the usual ways a page pulls in remote assets
    expect(html).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link[^>]+href=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@font-face[^}]*url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
    expect(html).not.toContain("cdn.redoc.ly");
  });

  it("turns Redoc telemetry off", () => {
    expect(html).toMatch(/"disableTelemetry":true/);
  });

  it("carries curl and TypeScript samples for every operation and the SDK introduction", () => {
    const decorated = JSON.parse(readFileSync(decoratedPath, "utf8"));
    for (const op of ops) {
      const samples = decorated.paths[op.path][op.method.toLowerCase()]["x-codeSamples"];
      expect(
        samples?.map((s: { label: string }) => s.label),
        op.operationId,
      ).toEqual(["curl", "TypeScript", "TypeScript (resource style)", "CLI"]);
    }
    const guides = decorated.tags.filter((t: { "x-traitTag"?: boolean }) => t["x-traitTag"]).map((t: { name: string }) => t.name);
    expect(guides).toEqual(expect.arrayContaining(EXPECTED_GUIDES));
    expect(decorated["x-tagGroups"][0]).toEqual({ name: "Guides", tags: guides });
    // The files the page links to sit beside it.
    for (const file of ["openapi.json", "openapi.yaml", "DECISIONS.md"]) {
      expect(existsSync(fileURLToPath(new URL(`../dist/${file}`, import.meta.url))), file).toBe(true);
    }
    expect(html).toContain("Using the TypeScript SDK");
    expect(html).toContain('"x-codeSamples"');
  });

  it("carries the theme and the Copy-button script once (scripts/enhance.mjs)", () => {
    for (const id of [THEME_ID, SCRIPT_ID]) expect(html.split(`id="${id}"`).length - 1, id).toBe(1);
    expect(html.indexOf(`id="${THEME_ID}"`)).toBeLessThan(html.indexOf("</head>"));
    expect(html.indexOf(`id="${SCRIPT_ID}"`)).toBeGreaterThan(html.indexOf('<div id="redoc">'));
    expect(() => enhanceHtml(html)).toThrow(/enhanced already/);
    expect(() => enhanceHtml("<p>no head</p>")).toThrow(/<\/head>/);
  });
});
