// The checkpoint of an export: which page comes next and how many bytes of the output file are
// complete. It is replaced atomically (temporary file + rename) after each page is written, so
// at any moment the file on disk describes a state that really happened.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

export interface Checkpoint {
  version: 1;
  kind: string;
  /** The query of the export (dates, filters); a resume must ask for the same. */
  query: Record<string, unknown>;
  format: "jsonl" | "csv";
  nextPage: number;
  pages: number | null;
  total: number | null;
  /** Items written so far. */
  written: number;
  /** Length of the complete part of the output; anything after it is cut on resume. */
  bytes: number;
}

export const checkpointPath = (out: string) => `${out}.checkpoint.json`;

export function readCheckpoint(out: string): Checkpoint | undefined {
  const file = checkpointPath(out);
  if (!existsSync(file)) return undefined;
  const c = JSON.parse(readFileSync(file, "utf8"));
  if (c?.version !== 1 || typeof c.bytes !== "number" || typeof c.nextPage !== "number")
    throw new Error(`${file} is not a checkpoint of this version`);
  return c as Checkpoint;
}

export function saveCheckpoint(out: string, c: Checkpoint): void {
  const file = checkpointPath(out);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(c));
  renameSync(tmp, file);
}

export function removeCheckpoint(out: string): void {
  rmSync(checkpointPath(out), { force: true });
}
