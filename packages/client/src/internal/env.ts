// Defaults from the environment, read only where a process environment exists (Node, Bun, Deno
// with --allow-env); a browser has none, so nothing is read there.

/** An environment variable, or undefined when it is unset, empty or not readable. */
export function envVar(name: string): string | undefined {
  try {
    const v = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
    return v || undefined;
  } catch {
    return undefined; // Deno without env permission throws
  }
}
