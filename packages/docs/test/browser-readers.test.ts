// What a reader meets in Chromium (Debian's, driven by playwright-core), beyond "everything is
// there" (browser.test.ts): search lands on the guides, code wraps and has a Copy button that the
// keyboard reaches, tables stay readable on a 390 px phone (axe-core: browser-axe.test.ts). Every
// request that would leave the machine is blocked and counted. Independent pages run side by side.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOperations, loadSpec } from "@comm100-sdk/spec-reader";
import { blockNetwork, eachConcurrently, launchChromium, PAGES_AT_ONCE, pageUrl, settled } from "./browser-page.js";
import { screenshotDir, specPath } from "./paths.js";

let browser: Browser;
const external: string[] = [];
let setupError: Error | undefined;

beforeAll(async () => {
  try {
    browser = await launchChromium();
  } catch (err) {
    setupError = err as Error; // reported by every test below
  }
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh page at `hash`, offline, with the clipboard replaced by a recorder. */
async function open(
  hash = "",
  viewport = { width: 1280, height: 800 },
  mobile = false,
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  if (setupError) throw setupError;
  const context = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile });
  await blockNetwork(context, external);
  await context.addInitScript(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: async (text: string) => void w.__copied.push(text) },
      configurable: true,
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  await page.goto(`${pageUrl}${hash}`, { waitUntil: "load" });
  await settled(page);
  return { page, context, errors };
}

/** The hits of the open search dialog (href, text), best first. */
function hits(page: Page): Promise<{ href: string; text: string }[]> {
  return page
    .locator('[data-component-name="Search/SearchItem"]')
    .evaluateAll((els) => els.map((e) => ({ href: e.getAttribute("href") ?? "", text: (e as HTMLElement).innerText })));
}

/** Opens Redoc's search dialog, types `query` and waits for the first hit. */
async function search(page: Page, query: string): Promise<void> {
  const input = page.locator('[data-component-name="Search/SearchInput"] input');
  await expect
    .poll(
      async () => {
        if ((await input.count()) === 0)
          await page.locator('[data-component-name="icons/SearchIcon/SearchIcon"]').first().locator("xpath=..").click();
        return input.count();
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBeGreaterThan(0);
  await input.fill(query);
  const items = page.locator('[data-component-name="Search/SearchItem"]');
  await items.first().waitFor({ timeout: 30_000 });
}

// One page for the three searches, one after the other, as a reader searches again: a fresh page
// each would hydrate the whole page and build the search index three times.
describe("search lands on the guides", () => {
  let shared: Promise<{ page: Page; context: BrowserContext }> | undefined;
  afterAll(async () => {
    await (await shared?.catch(() => undefined))?.context.close();
  });
  for (const [query, guide, heading] of [
    ["pagination", "#/pagination", "Pagination"],
    ["authentication", "#/authentication", "Authentication"],
    ["quota", "#/daily-request-quota", "Daily request quota"],
  ] as const) {
    it(`"${query}" lists the ${heading} guide first and opens it`, async () => {
      shared ??= open();
      const { page } = await shared;
      await search(page, query);
      // The list may reorder while the index answers: wait for the guide on top, not a set time.
      await expect.poll(async () => (await hits(page))[0]?.href, { timeout: 15_000 }).toBe(guide);
      const found = await hits(page);
      console.log(`search "${query}": ${found.length} results, first: ${found[0]?.href}`);
      expect(found[0]?.href).toBe(guide);
      await page.locator('[data-component-name="Search/SearchItem"]').first().click();
      await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(guide);
      await expect.poll(() => page.locator("h2", { hasText: heading }).first().isVisible(), { timeout: 15_000 }).toBe(true);
    });
  }
});

/** Every code block of the content: how it fits its box and whether a Copy button goes with it. */
function codeBlocks(page: Page) {
  return page.$$eval("#redoc pre", (pres) =>
    pres
      .filter((p) => (p as HTMLElement).offsetParent !== null)
      .map((p) => {
        const own = p.querySelector(":scope > .comm100-copy");
        const panel = p.closest('[data-component-name^="CodeBlock/"]');
        const style = getComputedStyle(p);
        return {
          text: (p.textContent ?? "").slice(0, 50),
          overflows: p.scrollWidth > p.clientWidth + 1,
          scrollsVisibly: style.overflowX === "scroll",
          copy:
            !!own ||
            !!panel?.parentElement?.querySelector('button[aria-label*="Copy" i], button[title*="Copy" i]') ||
            [...(panel?.parentElement?.querySelectorAll("button") ?? [])].some((b) => /copy/i.test(b.textContent ?? "")),
        };
      }),
  );
}

describe("code blocks", () => {
  it("wrap (none is cut off) and each has a Copy button: guides and an operation's samples", async () => {
    const spec = loadSpec(specPath);
    const op = listOperations(spec).find((o: { body?: unknown }) => o.body)!;
    const hashes = [
      "#/getting-started",
      "#/daily-request-quota",
      "#/authentication",
      `#/${op.tag.toLowerCase().replace(/ /g, "-")}/${op.operationId.toLowerCase()}`,
    ];
    await eachConcurrently(hashes, PAGES_AT_ONCE, async (hash) => {
      const { page, context, errors } = await open(hash);
      try {
        // Redoc renders the page in steps and the Copy buttons follow each step, so a single look
        // can catch a block whose button is not there yet (or no block at all). Poll until the
        // page settles with no problem; a block that never gets its button, or that is cut off,
        // keeps the list non-empty and fails after the timeout with the list in the message.
        await expect
          .poll(
            async () => {
              const blocks = await codeBlocks(page);
              if (blocks.length === 0) return ["no code block shown yet"];
              return blocks
                .filter((b) => !b.copy || (b.overflows && !b.scrollsVisibly))
                .map((b) => `${b.copy ? "cut off" : "no Copy button"}: ${b.text}`);
            },
            { timeout: 20_000, message: hash },
          )
          .toEqual([]);
        expect(errors, `${hash}: the page logged errors (a hydration mismatch?)`).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });

  it("the guides' Copy button is reached with Tab and copies the block's code", async () => {
    const { page, context } = await open("#/authentication");
    try {
      const button = page.locator("pre > .comm100-copy").first();
      await button.waitFor({ timeout: 15_000 });
      const code = await button.locator("xpath=..").evaluate((p) =>
        [...p.childNodes]
          .filter((n) => !(n instanceof HTMLElement && n.classList.contains("comm100-copy")))
          .map((n) => n.textContent)
          .join(""),
      );
      expect(code).toContain("curl -u");
      // Tab from the start of the page until the button has the focus.
      await page.locator("body").focus();
      let reached = false;
      for (let i = 0; i < 200 && !reached; i++) {
        await page.keyboard.press("Tab");
        reached = await button.evaluate((b) => b === document.activeElement);
      }
      expect(reached, "the Copy button is not in the tab order").toBe(true);
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __copied: string[] }).__copied), { timeout: 5_000 })
        .toEqual([code]);
      await expect.poll(() => button.textContent()).toBe("Copied");
    } finally {
      await context.close();
    }
  });
});

describe("on a 390 px phone", () => {
  it("the Base URL table keeps each URL on one line inside the screen", async () => {
    const { page, context } = await open("#/base-url", { width: 390, height: 844 }, true);
    try {
      const table = page.locator("table", { hasText: "Control Panel domain" }).first();
      await table.waitFor({ timeout: 15_000 });
      const urls = await table.locator("td code").evaluateAll((codes) =>
        codes.map((c) => {
          const r = c.getBoundingClientRect();
          const box = c.closest("table")!.getBoundingClientRect();
          return { text: c.textContent ?? "", lines: c.getClientRects().length, right: r.right, tableRight: box.right };
        }),
      );
      expect(urls.length).toBeGreaterThan(5);
      for (const u of urls) {
        expect(u.lines, u.text).toBe(1); // one box: not broken over lines
        expect(u.right, u.text).toBeLessThanOrEqual(Math.min(390, u.tableRight)); // inside the table and the screen
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: join(screenshotDir, "mobile-base-url.png") });
    } finally {
      await context.close();
    }
  });
});

describe("offline", () => {
  it("made no request that leaves the machine", () => {
    if (setupError) throw setupError;
    expect(external).toEqual([]);
  });
});
