// What the browser tests share: Debian's Chromium (never a downloaded browser), the built page
// opened offline, and the moment it is ready to be read (a condition, never a sleep).
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH, STAYS_ON_MACHINE } from "@comm100-sdk/test-browser";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { htmlPath } from "./paths.js";

export const pageUrl = pathToFileURL(htmlPath).href;

/** Two pages at a time keep both cores of a small machine busy; more would only contend. */
export const PAGES_AT_ONCE = 2;

/** Starts headless Chromium; throws a clear error when it or the built page is missing. */
export async function launchChromium(): Promise<Browser> {
  assertChromium();
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} is missing: build the docs first`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Lets the page load itself (file, data, blob); blocks anything else and records its URL. */
export async function blockNetwork(context: BrowserContext, external: string[]): Promise<void> {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (STAYS_ON_MACHINE.test(url)) return route.continue();
    external.push(url);
    return route.abort("blockedbyclient");
  });
}

/**
 * Resolves once Redoc has hydrated what it rendered and the page script's pass is done: the
 * script marks `<html data-comm100-settled>` then (scripts/lib/enhance.mjs).
 */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.locator("#redoc h1, #redoc h2").first().waitFor({ timeout });
  await page.locator("html[data-comm100-settled]").waitFor({ state: "attached", timeout });
}

/** How many headings (h1 to h3) of the page read exactly `text`: a route has rendered when its own is there. */
export function headingCount(page: Page, text: string): Promise<number> {
  return page.$$eval("h1, h2, h3", (hs, t) => hs.filter((h) => (h.textContent ?? "").trim() === t).length, text);
}

/**
 * Runs `run` on every item, at most `limit` at once; waits for all of them (so none outlives the
 * test and its browser) and then throws the first failure.
 */
export async function eachConcurrently<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await run(item);
      } catch (err) {
        errors.push(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}
