// The breaking-change check of `pnpm check:breaking` (spec/scripts/check-breaking.mjs) as a
// function: arguments in, exit code out, lines through `out`, so tests run it in their own
// process. Exit codes: 0 ok, 1 unannounced breaking change, 2 usage error, missing file or
// unreadable changeset.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import readChangesets from "@changesets/read";
import { diffSpecs, pendingBumps } from "./openapi-breaking.mjs";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const PKG = "@comm100-sdk/openapi";

/** A usage error: its message goes to stderr and the exit code is 2. */
class UsageError extends Error {}

/** @param {string} message @returns {never} */
function usage(message) {
  throw new UsageError(message);
}

/**
 * @param {string[]} argv the command line's arguments
 * @param {{ log: (line: string) => void; error: (line: string) => void }} [out] stdout and stderr lines
 * @returns {Promise<number>} the exit code
 */
export async function checkBreaking(argv, out = { log: console.log, error: console.error }) {
  try {
    return await check(argv, out.log);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    out.error(`check:breaking: ${e.message}`);
    return 2;
  }
}

/** @param {string[]} argv @param {(line: string) => void} log */
async function check(argv, log) {
  /** @type {{ base: string, head: string, project: string, json: boolean, "update-baseline": boolean }} */
  let args;
  try {
    args = parseArgs({
      args: argv,
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
    log(`check:breaking: released baseline ${show(base)} updated from ${show(head)}`);
    return 0;
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
    log(JSON.stringify({ ok, breaking, nonBreaking, majorChangesets: major.map((b) => b.file) }, null, 2));
  } else {
    log(`check:breaking: ${show(base)} -> ${show(head)}: ${breaking.length} breaking, ${nonBreaking.length} non-breaking change(s)`);
    for (const c of breaking) log(`  BREAKING [${c.rule}] ${c.location}: ${c.message}`);
    if (breaking.length === 0) log("  no breaking change");
    else if (major.length) log(`  announced by a major changeset for ${PKG}: ${major.map((b) => b.file).join(", ")}`);
    else
      log(
        `\n  A breaking change to the spec needs a major changeset for ${PKG}:\n` +
          `  run \`pnpm changeset\`, pick ${PKG}, choose "major" and describe the change for users.\n` +
          `  (Or undo the change: additions are fine, removals and new requirements are not.)`,
      );
  }
  return ok ? 0 : 1;
}
