// @ts-check
// The "Changelog" guide, generated at build time from the project's changesets (changes not yet
// released, `.changeset/*.md`) and the packages' CHANGELOG.md files (what `changeset version`
// wrote at each release). Nothing in it is written by hand.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";

export const ROOT_DIR = fileURLToPath(new URL("../../../../", import.meta.url));
/** Folders of the workspace that may hold a published package with a CHANGELOG.md. */
const PACKAGE_DIRS = ["spec", "packages"];

/**
 * @typedef {"major" | "minor" | "patch" | "none"} Bump
 * @typedef {{ id: string, releases: { name: string, type: Bump }[], summary: string }} Changeset
 * @typedef {{ name: string, text: string }} PackageChangelog
 */

/**
 * The pending changesets, read as `changeset version` reads them: YAML front matter of package
 * names and bumps, then the summary. An empty front matter is a change to no package (the site).
 * @param {string} [root] @returns {Changeset[]}
 */
export function readChangesets(root = ROOT_DIR) {
  const dir = join(root, ".changeset");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .sort()
    .map((f) => parseChangeset(f.slice(0, -3), readFileSync(join(dir, f), "utf8")));
}

/** @param {string} id @param {string} text @returns {Changeset} */
export function parseChangeset(id, text) {
  const m = /^\s*---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`.changeset/${id}.md: no front matter (--- ... ---)`);
  const front = parseYaml(m[1] ?? "") ?? {};
  if (typeof front !== "object" || Array.isArray(front))
    throw new Error(`.changeset/${id}.md: the front matter is not a map of package names to bumps`);
  const releases = Object.entries(front).map(([name, type]) => {
    if (!["major", "minor", "patch", "none"].includes(String(type)))
      throw new Error(`.changeset/${id}.md: "${name}" has the bump "${type}"`);
    return { name, type: /** @type {Bump} */ (type) };
  });
  return { id, releases, summary: (m[2] ?? "").replace(/\r\n/g, "\n").trim() };
}

/** The CHANGELOG.md of every workspace package that has one, by package name. @param {string} [root] @returns {PackageChangelog[]} */
export function readChangelogs(root = ROOT_DIR) {
  const dirs = PACKAGE_DIRS.flatMap((d) => {
    const full = join(root, d);
    if (!existsSync(full)) return [];
    return existsSync(join(full, "package.json")) ? [full] : readdirSync(full).map((x) => join(full, x));
  });
  return dirs
    .filter((d) => existsSync(join(d, "CHANGELOG.md")) && existsSync(join(d, "package.json")))
    .map((d) => ({
      name: String(JSON.parse(readFileSync(join(d, "package.json"), "utf8")).name),
      text: readFileSync(join(d, "CHANGELOG.md"), "utf8"),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Shifts the headings of a Markdown text so that its top level becomes `top` (at most h6), outside
 * code fences, so that it nests under the guide's own headings.
 * @param {string} text @param {number} top @returns {string}
 */
export function demoteHeadings(text, top) {
  const lines = text.split("\n");
  let fence = false;
  const levels = lines
    .filter((l) => {
      fence = /^\s*```/.test(l) ? !fence : fence;
      return !fence && /^#{1,6} /.test(l);
    })
    .map((l) => (/^#+/.exec(l)?.[0] ?? "").length);
  const shift = levels.length ? top - Math.min(...levels) : 0;
  fence = false;
  return lines
    .map((l) => {
      if (/^\s*```/.test(l)) fence = !fence;
      if (fence || !/^#{1,6} /.test(l)) return l;
      const level = Math.min(6, (/^#+/.exec(l)?.[0] ?? "").length + shift);
      return `${"#".repeat(level)}${l.replace(/^#+/, "")}`;
    })
    .join("\n");
}

const SITE = "The reference site";

/** @param {string} summary @returns {string} a Markdown list item, continuation lines indented */
const item = (summary) =>
  `- ${demoteHeadings(summary, 6)
    .split("\n")
    .map((l, i) => (i === 0 || l === "" ? l : `  ${l}`))
    .join("\n")}`;

/**
 * @param {{ changesets: Changeset[], changelogs: PackageChangelog[] }} sources
 * @returns {import("./guides.mjs").Guide}
 */
export function changelogGuide({ changesets, changelogs }) {
  const parts = [
    "What changed in the SDK's packages and on this site. This page is generated when the site is built:",
    "**Not yet released** from the pending changesets, **Released** from each package's `CHANGELOG.md`.",
    "",
    "### Not yet released",
  ];
  /** @type {Map<string, string[]>} */
  const byPackage = new Map();
  for (const c of changesets) {
    const targets = c.releases.length ? c.releases.map((r) => [r.name, `**${r.type}**: `]) : [[SITE, ""]];
    for (const [name, bump] of targets) {
      const list = byPackage.get(String(name)) ?? [];
      list.push(item(`${bump}${c.summary}`));
      byPackage.set(String(name), list);
    }
  }
  const names = [...byPackage.keys()].sort((a, b) => (a === SITE ? 1 : b === SITE ? -1 : a.localeCompare(b)));
  if (names.length === 0) parts.push("", "Nothing is pending.");
  for (const name of names) parts.push("", `#### ${name === SITE ? SITE : `\`${name}\``}`, "", ...(byPackage.get(name) ?? []));
  parts.push("", "### Released");
  if (changelogs.length === 0) parts.push("", "No release yet.");
  for (const { name, text } of changelogs) {
    const body = text
      .replace(/\r\n/g, "\n")
      .replace(/^# .*\n/, "")
      .trim(); // its own "# <package>" title
    parts.push("", `#### \`${name}\``, "", demoteHeadings(body, 5));
  }
  return { file: "(generated from the changesets)", at: "end", heading: "Changelog", body: parts.join("\n").trim() };
}

/** The guide from this repository's files. @param {string} [root] */
export function readChangelogGuide(root = ROOT_DIR) {
  return changelogGuide({ changesets: readChangesets(root), changelogs: readChangelogs(root) });
}
