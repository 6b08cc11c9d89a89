// How browser tests find and start Debian's Chromium: never a browser downloaded by a test tool.
// The flags keep Chromium from reaching out to the network on its own (this machine has none).
import { existsSync } from "node:fs";

export const CHROMIUM_PATH: string = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS: string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** What an offline page may load: itself (file) and what it makes in memory (data, blob); anything else leaves the machine. */
export const STAYS_ON_MACHINE: RegExp = /^(file|data|blob):/;

/** Throws a clear error when Chromium is not installed. */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH; these tests never download a browser.`,
    );
  }
}
