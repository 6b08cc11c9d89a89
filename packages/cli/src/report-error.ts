// One place that turns a failure into a line on stderr and an exit code (see exit-codes.ts).
import {
  Comm100ApiError,
  Comm100AuthenticationError,
  Comm100ConfigError,
  Comm100ConnectionError,
  Comm100InvalidResponseError,
  Comm100NotFoundError,
  Comm100QuotaExceededError,
  Comm100TimeoutError,
} from "@comm100-sdk/client";
import { MissingCredentialsError } from "./auth.js";
import { red, useColor } from "./color.js";
import { EXIT } from "./exit-codes.js";
import { UsageError } from "./usage-error.js";

/** Time until a moment, for people: "3h 12m". */
export function until(when: Date, now = new Date()): string {
  const minutes = Math.max(0, Math.ceil((when.getTime() - now.getTime()) / 60_000));
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h ${minutes % 60}m` : `${minutes}m`;
}

export function describe(err: unknown): { message: string; code: number } {
  if (err instanceof UsageError) return { message: err.message, code: EXIT.usage };
  if (err instanceof MissingCredentialsError) return { message: err.message, code: EXIT.auth };
  if (err instanceof Comm100QuotaExceededError) {
    const at = err.quotaResetsAt;
    return {
      message: `daily API quota used up (${err.code !== undefined && err.code !== null ? `Comm100 code ${err.code}: ` : ""}${err.message}); it resets at ${at.toISOString()} (in ${until(at)})`,
      code: EXIT.quota,
    };
  }
  if (err instanceof Comm100ApiError) {
    const code =
      err instanceof Comm100AuthenticationError
        ? EXIT.auth
        : err instanceof Comm100NotFoundError
          ? EXIT.notFound
          : err instanceof Comm100InvalidResponseError
            ? EXIT.network
            : EXIT.apiError;
    const comm100 = err.code !== undefined && err.code !== null ? `, Comm100 code ${err.code}` : "";
    return { message: `${err.method} ${err.url}: HTTP ${err.status}${comm100}: ${err.message}`, code };
  }
  if (err instanceof Comm100TimeoutError || err instanceof Comm100ConnectionError) return { message: err.message, code: EXIT.network };
  if (err instanceof Comm100ConfigError) return { message: err.message, code: EXIT.usage };
  return { message: err instanceof Error ? err.message : String(err), code: EXIT.apiError };
}

/** Prints `error: ...` (red on a terminal) with every known secret masked; returns the exit code. */
export function reportError(err: unknown, secrets: readonly string[] = []): number {
  const { message, code } = describe(err);
  let text = message;
  for (const s of secrets) if (s) text = text.split(s).join("[REDACTED]");
  process.stderr.write(`${red(useColor(process.stderr), "error:")} ${text}\n`);
  return code;
}
