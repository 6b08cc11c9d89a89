#!/usr/bin/env node
// `pnpm check:breaking`: compares the bundled spec (spec/dist/openapi.json, built by `pnpm build`)
// with the last released one kept in the repo (spec/released/openapi.json) and fails when a
// breaking change has no pending **major** changeset for @comm100-sdk/openapi.
//
//   node spec/scripts/check-breaking.mjs [--base FILE] [--head FILE] [--project DIR] [--json]
//   node spec/scripts/check-breaking.mjs --update-baseline   # after `changeset version`: head -> base
//
// --project is the folder whose .changeset/ holds the pending changesets (default: the repository
// root); they are read by @changesets/read, as `changeset version` reads them.
// Rules: lib/openapi-breaking.mjs. Exit codes: 0 ok, 1 unannounced breaking change,
// 2 usage error, missing file or unreadable changeset.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import readChangesets from "@changesets/read";
import { diffSpecs, pendingBumps } from "./lib/openapi-breaking.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const PKG = "@comm100-sdk/openapi";

/** @param {string} message @returns {never} */
function usage(message) {
  console.error(`check:breaking: ${message}`);
  process.exit(2);
}

/** @type {{ base: string, head: string, project: string, json: boolean, "update-baseline": boolean }} */
let args;
try {
  args = parseArgs({
    options: {
      base: { type: "string", default: join(root, "spec/released/openapi.json") },
      head: { type: "string", default: join(root, "spec/dist/openapi.json") },
      project: { type: "string", default: root },
      json: { type: "boolean", default: false },
      "update-baseline": { type: "boolean", default: false },
    },
  }).values;
} catch (e) {
  usage(e instanceof Error ? e.message : String(e));
}
const base = resolve(args.base);
const head = resolve(args.head);
/** @param {string} f */
const show = (f) => relative(process.cwd(), f) || f;

if (!existsSync(head)) usage(`${show(head)} not found; run \`pnpm build\` first`);
if (args["update-baseline"]) {
  mkdirSync(dirname(base), { recursive: true });
  copyFileSync(head, base);
  console.log(`check:breaking: released baseline ${show(base)} updated from ${show(head)}`);
  process.exit(0);
}
if (!existsSync(base)) usage(`no released spec at ${show(base)}; create it with --update-baseline`);

const { breaking, nonBreaking } = diffSpecs(JSON.parse(readFileSync(base, "utf8")), JSON.parse(readFileSync(head, "utf8")));
const project = resolve(args.project);
let changesets;
try {
  changesets = existsSync(join(project, ".changeset")) ? await readChangesets(project) : [];
} catch (e) {
  usage(`cannot read the changesets in ${show(join(project, ".changeset"))}: ${e instanceof Error ? e.message : String(e)}`);
}
const major = pendingBumps(changesets, PKG).filter((b) => b.bump === "major");
const ok = breaking.length === 0 || major.length > 0;

if (args.json) {
  console.log(JSON.stringify({ ok, breaking, nonBreaking, majorChangesets: major.map((b) => b.file) }, null, 2));
} else {
  console.log(`check:breaking: ${show(base)} -> ${show(head)}: ${breaking.length} breaking, ${nonBreaking.length} non-breaking change(s)`);
  for (const c of breaking) console.log(`  BREAKING [${c.rule}] ${c.location}: ${c.message}`);
  if (breaking.length === 0) console.log("  no breaking change");
  else if (major.length) console.log(`  announced by a major changeset for ${PKG}: ${major.map((b) => b.file).join(", ")}`);
  else
    console.log(
      `\n  A breaking change to the spec needs a major changeset for ${PKG}:\n` +
        `  run \`pnpm changeset\`, pick ${PKG}, choose "major" and describe the change for users.\n` +
        `  (Or undo the change: additions are fine, removals and new requirements are not.)`,
    );
}
process.exit(ok ? 0 : 1);
