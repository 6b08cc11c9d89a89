#!/usr/bin/env node
// @ts-check
// Makes the page built by `redocly build-docs --inlineBundle` fully offline. Redoc inlines its
// script and styles, but its "API docs by Redocly" badge loads a logo image from Redoc's CDN;
// that URL is swapped for an inline SVG. Then the page is checked: any remaining URL that the
// browser would fetch by itself (script, stylesheet, font, image, import) fails the build.
// usage: node scripts/offline.mjs [dist/index.html]
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const badge = (/** @type {string} */ text, /** @type {number} */ width) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="14" viewBox="0 0 ${width} 14">` +
      `<text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#3b3c45">${text}</text></svg>`,
  )}`;

/** @type {[string, string][]} */
const REPLACEMENTS = [
  ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", badge("Redocly", 46)],
  ["https://cdn.redoc.ly/redoc/logo-mini.svg", badge("R", 10)],
];

/** URLs in the page that a browser would load without a click. @param {string} html @returns {string[]} */
export function fetchedUrls(html) {
  const found = new Set();
  const patterns = [
    /<script\b[^>]*\bsrc\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /<link\b[^>]*\bhref\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /<(?:img|iframe|source|video|audio|embed)\b[^>]*\bsrc\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi,
    /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
    /@import\s+["']((?:https?:)?\/\/[^"']+)/gi,
    /\bimport\s*(?:\(\s*)?["'`]((?:https?:)?\/\/[^"'`]+)/g,
    /\bsrc\s*:\s*["'`](https?:\/\/[^"'`]+)/g,
    // Hosts of web fonts and of Redoc's own assets (its CDN bundle, its logo). Redoc's icon CDN
    // base URLs stay: they are only used for icons named in a sidebar config, which this site has none of.
    /["'`](https?:\/\/(?:fonts\.googleapis\.com|fonts\.gstatic\.com|cdn\.redoc\.ly|cdn\.redocly\.com\/redoc|cdn\.jsdelivr\.net|unpkg\.com)[^"'`]*)/g,
  ];
  for (const re of patterns) for (const m of html.matchAll(re)) found.add(m[1]);
  return [...found];
}

/** @param {string} html */
export function makeOffline(html) {
  let out = html;
  for (const [from, to] of REPLACEMENTS) out = out.split(from).join(to);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = resolve(process.argv[2] ?? "dist/index.html");
  const html = makeOffline(readFileSync(file, "utf8"));
  const remote = fetchedUrls(html);
  if (remote.length) {
    console.error(`${file} would load from the network:\n  ${remote.join("\n  ")}`);
    process.exit(1);
  }
  writeFileSync(file, html);
  console.log(`offline check: ${file} loads nothing from the network`);
}
