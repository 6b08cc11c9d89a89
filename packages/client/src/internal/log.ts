// The logger a client writes to: `logLevel` (or COMM100_LOG) picks which events reach it.
import type { Comm100Logger, Comm100LogLevel } from "../options.js";

const RANK: Record<Comm100LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
export const LOG_LEVELS = Object.keys(RANK) as Comm100LogLevel[];

export type Log = (level: Exclude<Comm100LogLevel, "off">, message: string, data: Record<string, unknown>) => void;

/**
 * The event writer, or undefined when nothing would be written (so no event is even built).
 * Without `logLevel`, a given logger gets every event (as before log levels existed) and no
 * logger means none; with a level and no logger, events go to the console.
 */
export function createLog(logger: Comm100Logger | undefined, level: Comm100LogLevel | undefined): Log | undefined {
  const rank = RANK[level ?? (logger ? "debug" : "off")];
  const out = logger ?? (rank ? (console as Comm100Logger) : undefined);
  if (!out || !rank) return undefined;
  return (lvl, message, data) => {
    if (RANK[lvl] > rank) return;
    try {
      (out[lvl] ?? out.debug).call(out, message, data);
    } catch {
      // a logger must never break a request
    }
  };
}
