// @ts-check
// The hand-written guides of `guides/*.md` (getting started, the SDK's quota budget, the CLI) and
// where each goes among the sections of the spec's introduction. The spec keeps what is true of
// the API; what is about this project's packages lives here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readChangelogGuide } from "./changelog.mjs";
import { fileURLToPath } from "node:url";

export const GUIDES_DIR = fileURLToPath(new URL("../../guides/", import.meta.url));

/**
 * `start`/`end`: a section of its own, first or last among the guides; `extend`: appended to the
 * introduction's section of the same heading (which must exist).
 * @typedef {"start" | "end" | "extend"} Placement
 * @typedef {{ file: string, at: Placement }} GuideEntry
 * @typedef {{ file: string, at: Placement, heading: string, body: string }} Guide
 */

/** @type {GuideEntry[]} */
export const GUIDE_FILES = [
  { file: "getting-started.md", at: "start" },
  { file: "quota.md", at: "extend" },
  { file: "cli.md", at: "end" },
];

/**
 * The hand-written guides, then the Changelog generated from the changesets (last).
 * @param {string} [dir] @param {GuideEntry[]} [entries] @returns {Guide[]}
 */
export function readGuides(dir = GUIDES_DIR, entries = GUIDE_FILES) {
  return [...entries.map(({ file, at }) => parseGuide(file, at, readFileSync(join(dir, file), "utf8"))), readChangelogGuide()];
}

/** @param {string} file @param {Placement} at @param {string} text @returns {Guide} */
export function parseGuide(file, at, text) {
  const m = /^## (.+)\n([\s\S]*)$/.exec(text.replace(/\r\n/g, "\n"));
  if (!m) throw new Error(`${file}: a guide starts with its "## " heading`);
  if (/^## /m.test(m[2] ?? "")) throw new Error(`${file}: one "## " heading per guide; use "### " inside`);
  return { file, at, heading: (m[1] ?? "").trim(), body: (m[2] ?? "").trim() };
}

/**
 * Places the guides among the `## ` sections of an introduction.
 * @param {string} intro @param {Guide[]} guides @returns {string}
 */
export function mergeGuides(intro, guides) {
  const [lead = "", ...sections] = intro.split(/^(?=## )/m);
  const headingOf = (/** @type {string} */ s) => (s.split("\n")[0] ?? "").slice(3).trim();
  const section = (/** @type {Guide} */ g) => `## ${g.heading}\n${g.body}\n\n`;
  const body = sections.map((s) => `${s.trimEnd()}\n\n`);
  for (const g of guides.filter((x) => x.at === "extend")) {
    const i = body.findIndex((s) => headingOf(s) === g.heading);
    if (i < 0) throw new Error(`${g.file}: the introduction has no "## ${g.heading}" section to extend`);
    body[i] = `${(body[i] ?? "").trimEnd()}\n\n${g.body}\n\n`;
  }
  const first = guides.filter((g) => g.at === "start").map(section);
  const last = guides.filter((g) => g.at === "end").map(section);
  return `${`${lead.trimEnd()}\n\n${[...first, ...body, ...last].join("")}`.trimEnd()}\n`;
}

/**
 * The TypeScript code blocks of the guides, one module each (the tests type-check them against
 * the built packages, and run some against the mock).
 * @param {Guide[]} guides @returns {{ name: string, heading: string, source: string }[]}
 */
export function guideCodeBlocks(guides) {
  return guides
    .filter((g) => g.file.endsWith(".md"))
    .flatMap((g) => {
      // hand-written ones only
      const slug = g.file.replace(/\.md$/, "");
      const blocks = [...g.body.matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
      return blocks.map((source, i) => ({ name: `${slug}-${i + 1}.ts`, heading: g.heading, source }));
    });
}
