#!/usr/bin/env node
// @ts-check
// usage: node scripts/enhance.mjs dist/index.html — adds the theme and the Copy-button script of
// lib/enhance.mjs to the page Redoc built (once; run it on a fresh build).
import { readFileSync, writeFileSync } from "node:fs";
import { enhanceHtml } from "./lib/enhance.mjs";

const file = process.argv[2];
if (!file) throw new Error("usage: node scripts/enhance.mjs <page.html>");
writeFileSync(file, enhanceHtml(readFileSync(file, "utf8")));
console.log(`enhanced: ${file} (theme, Copy buttons for the guides' code)`);
