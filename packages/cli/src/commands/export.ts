// `comm100 export chats|offline-messages --from --to --out file.jsonl|.csv`: every item of the
// period, page by page. Each page is written whole with one write, then the checkpoint is moved on;
// on --resume the output is cut back to the checkpoint's length, so a kill at any moment (Ctrl-C,
// kill -9, the daily quota) leaves no half line and no item twice.
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, writeSync } from "node:fs";
import { Comm100QuotaExceededError, type Comm100Client } from "@comm100-sdk/client";
import { Argument, type Command, InvalidArgumentError, Option } from "commander";
import { useColor, yellow } from "../color.js";
import type { CommandSpec } from "../command-types.js";
import { EXIT } from "../exit-codes.js";
import { checkpointPath, readCheckpoint, removeCheckpoint, saveCheckpoint, type Checkpoint } from "../export/checkpoint.js";
import { createProgress } from "../export/progress.js";
import { COMMANDS } from "../generated/commands.js";
import { csvField, csvLine } from "../output.js";
import { describe, reportError, until } from "../report-error.js";
import { send } from "../request.js";
import type { Runtime } from "../runtime.js";
import { UsageError } from "../usage-error.js";
import { BadValue, parseValue } from "../values.js";

export const EXPORT_KINDS = ["chats", "offline-messages"] as const;
export const EXPORT_FLAGS = [
  "--from",
  "--to",
  "--out",
  "--resume",
  "--force",
  "--keyword",
  "--department",
  "--operator",
  "--rating",
  "--concurrency",
  "--quiet",
];

const listSpec = (kind: string) => COMMANDS.find((c) => c.resource === kind && c.action === "list")!;
const getSpec = (kind: string) => COMMANDS.find((c) => c.resource === kind && c.action === "get")!;

/** An exit with a message already printed. */
class ExitWith extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

function flagParser(spec: CommandSpec, name: string) {
  const f = spec.flags.find((x) => x.name === name)!;
  return (text: string) => {
    try {
      return parseValue(text, f.type, f);
    } catch (e) {
      if (e instanceof BadValue) throw new InvalidArgumentError(e.message);
      throw e;
    }
  };
}

function formatOf(out: string): "jsonl" | "csv" {
  if (/\.(jsonl|ndjson)$/i.test(out)) return "jsonl";
  if (/\.csv$/i.test(out)) return "csv";
  throw new UsageError(`--out ${out}: the file name must end in .jsonl (or .ndjson) or .csv`);
}

/** Runs `fn` over items with at most `limit` at once, keeping their order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface ExportOptions {
  from: string;
  to: string;
  out: string;
  resume?: boolean;
  force?: boolean;
  keyword?: string;
  department?: number;
  operator?: number;
  rating?: number;
  concurrency: number;
  quiet?: boolean;
}

function resumeCommand(kind: string, o: ExportOptions): string {
  const extra = (["keyword", "department", "operator", "rating"] as const)
    .filter((k) => o[k] !== undefined)
    .map((k) => ` --${k} ${JSON.stringify(String(o[k]))}`)
    .join("");
  return `comm100 export ${kind} --from ${o.from} --to ${o.to}${extra} --out ${JSON.stringify(o.out)} --resume`;
}

async function runExport(kind: string, o: ExportOptions, client: Comm100Client, rt: Runtime): Promise<void> {
  const list = listSpec(kind);
  const format = formatOf(o.out);
  const query: Record<string, unknown> = { date_from: o.from, date_to: o.to };
  for (const k of ["keyword", "department", "operator", "rating"] as const) if (o[k] !== undefined) query[k] = o[k];
  const columns = list.itemColumns ?? ["id"];

  let checkpoint = readCheckpoint(o.out);
  if (o.resume) {
    if (!checkpoint) throw new UsageError(`--resume: no checkpoint ${checkpointPath(o.out)} (the export finished, or never started)`);
    if (checkpoint.kind !== kind || checkpoint.format !== format || JSON.stringify(checkpoint.query) !== JSON.stringify(query)) {
      throw new UsageError(
        `--resume: ${checkpointPath(o.out)} is for another export (${checkpoint.kind} ${JSON.stringify(checkpoint.query)}); give the same kind, dates and filters`,
      );
    }
    if (!existsSync(o.out)) throw new UsageError(`--resume: ${o.out} is missing`);
  } else if (!o.force && (checkpoint || existsSync(o.out))) {
    throw new UsageError(
      checkpoint
        ? `${o.out}: an unfinished export is there; add --resume to continue it or --force to start again`
        : `${o.out} exists; add --force to overwrite it`,
    );
  } else checkpoint = undefined;

  const fd = openSync(o.out, checkpoint ? "r+" : "w");
  let state: Checkpoint;
  if (checkpoint) {
    // Whatever was written after the last checkpoint (a page cut short by a kill) is dropped.
    if (fstatSync(fd).size < checkpoint.bytes)
      throw new UsageError(`--resume: ${o.out} is shorter than its checkpoint says; start again with --force`);
    ftruncateSync(fd, checkpoint.bytes);
    state = checkpoint;
  } else {
    const header = format === "csv" ? Buffer.from(`${columns.map(csvField).join(",")}\r\n`) : Buffer.alloc(0);
    if (header.length) writeSync(fd, header);
    state = { version: 1, kind, query, format, nextPage: 1, pages: null, total: null, written: 0, bytes: header.length };
    saveCheckpoint(o.out, state);
  }

  const controller = new AbortController();
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(EXIT.interrupted); // a second Ctrl-C: the checkpoint is consistent at every moment
    interrupted = true;
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const progress = createProgress(kind, !o.quiet && !!process.stderr.isTTY, state.written);
  const detail = getSpec(kind);
  const note = (s: string) => {
    progress.stop();
    process.stderr.write(`${s}\n`); // even with --quiet: how to resume must be said
  };
  try {
    for (;;) {
      const page = state.nextPage;
      const data = (await send(client, list, { path: {}, query: { ...query, page } }, controller.signal)) as Record<string, any>;
      let items: Record<string, unknown>[] = Array.isArray(data?.[list.itemsKey!]) ? data[list.itemsKey!] : [];
      if (kind === "chats") {
        // The list carries each chat's transcript; fetch the chat on its own where it does not.
        items = await mapLimit(items, o.concurrency, async (item) =>
          item.chat_transcript === undefined && typeof item.id === "string"
            ? ((await send(client, detail, { path: { id: item.id }, query: {} }, controller.signal)) as Record<string, unknown>)
            : item,
        );
      }
      if (interrupted) break;
      const text = items.map((item) => (format === "csv" ? csvLine(item, columns) : `${JSON.stringify(item)}\n`)).join("");
      const buf = Buffer.from(text);
      if (buf.length) {
        writeSync(fd, buf, 0, buf.length, state.bytes);
        fsyncSync(fd);
      }
      const pages = typeof data?.pages === "number" ? data.pages : null;
      state = {
        ...state,
        nextPage: page + 1,
        pages,
        total: typeof data?.total === "number" ? data.total : state.total,
        written: state.written + items.length,
        bytes: state.bytes + buf.length,
      };
      saveCheckpoint(o.out, state);
      progress.update(state.written, state.total, page, pages);
      if (!items.length || !(pages !== null && page < pages)) break;
    }
    if (interrupted) throw new DOMException("interrupted", "AbortError");
    progress.stop();
    removeCheckpoint(o.out);
    if (!o.quiet) process.stderr.write(`Exported ${state.written} ${kind} to ${o.out}\n`);
  } catch (err) {
    const color = useColor(process.stderr);
    const how = `Resume with:\n  ${resumeCommand(kind, o)}`;
    const where = `${state.written} ${kind} written to ${o.out} (checkpoint: page ${state.nextPage}${state.pages ? ` of ${state.pages}` : ""})`;
    if (interrupted) {
      note(`${yellow(color, "Interrupted.")} ${where}.\n${how}`);
      throw new ExitWith(EXIT.interrupted);
    }
    if (err instanceof Comm100QuotaExceededError) {
      const at = err.quotaResetsAt;
      const code = err.code !== undefined && err.code !== null ? ` (Comm100 code ${err.code})` : " (the client's daily budget)";
      note(
        `${yellow(color, "Daily API quota used up")}${code}. ${where}.\nThe quota resets at ${at.toISOString()} (in ${until(at)}). ${how}`,
      );
      throw new ExitWith(EXIT.quota);
    }
    progress.stop();
    const code = reportError(err, rt.secrets);
    process.stderr.write(`${where}.\n${how}\n`);
    throw new ExitWith(code ?? describe(err).code);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    closeSync(fd);
  }
}

export function addExportCommand(program: Command, rt: Runtime): void {
  const chats = listSpec("chats");
  program
    .command("export")
    .summary("export chats or offline messages of a period to JSONL or CSV (resumable)")
    .description(
      "Exports every chat (with its transcript) or offline message between two dates to a .jsonl or .csv file, page by page. After each page a checkpoint (<out>.checkpoint.json) records where it stands: stop it at any moment (Ctrl-C, the daily quota, a crash) and --resume continues where it stopped, with no half line and no item twice. A progress bar shows on stderr when it is a terminal.",
    )
    .addArgument(new Argument("<kind>", "what to export").choices(EXPORT_KINDS))
    .requiredOption("--from <YYYY-MM-DD>", "first day (date_from)", flagParser(chats, "date_from"))
    .requiredOption("--to <YYYY-MM-DD>", "last day (date_to)", flagParser(chats, "date_to"))
    .requiredOption("--out <file>", "output file: .jsonl (one JSON object a line) or .csv")
    .option("--resume", "continue an export that stopped, from its checkpoint")
    .option("--force", "start again, overwriting the output file and its checkpoint")
    .option("--keyword <text>", "only items containing this text")
    .option("--department <id>", "only this department's items", flagParser(chats, "department"))
    .option("--operator <id>", "chats only: only this agent's chats", flagParser(chats, "operator"))
    .option("--rating <n>", "chats only: only chats with this rating", flagParser(chats, "rating"))
    .addOption(
      new Option("--concurrency <n>", "chats fetched at once when a transcript must be fetched on its own").default(4).argParser((v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 32) throw new InvalidArgumentError("An integer from 1 to 32.");
        return n;
      }),
    )
    .option("-q, --quiet", "no progress bar and no summary")
    .action(async (kind: string, o: ExportOptions, self: Command) => {
      if (kind === "offline-messages" && (o.operator !== undefined || o.rating !== undefined)) {
        throw new UsageError("--operator and --rating filter chats only");
      }
      formatOf(o.out);
      await runExport(kind, o, await rt.client(self), rt);
    });
}
