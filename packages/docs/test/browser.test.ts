// The page in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core): loaded
// from disk with every request that would leave the machine blocked and counted.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOperations, loadSpec } from "@comm100-sdk/spec-reader";
import { blockNetwork, eachConcurrently, headingCount, launchChromium, PAGES_AT_ONCE, pageUrl, settled } from "./browser-page.js";
import { EXPECTED_GUIDES } from "./expected-guides.js";
import { screenshotDir, specPath } from "./paths.js";

type Op = { operationId: string; method: string; path: string; summary: string; tag: string; body?: unknown };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let ops: Op[];
const external: string[] = [];

let setupError: Error | undefined;

beforeAll(async () => {
  try {
    await setup();
  } catch (err) {
    // Reported by every test below (so each counts as failed), not only as a hook error.
    setupError = err as Error;
  }
});

/** Throws why the browser could not be set up (e.g. Chromium missing). */
function ready(): void {
  if (setupError) throw setupError;
}

async function setup(): Promise<void> {
  ops = listOperations(loadSpec(specPath));
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Everything but the file itself (and what the page makes in memory) is blocked and counted.
  await blockNetwork(context, external);
  page = await context.newPage();
  await page.goto(pageUrl, { waitUntil: "load" });
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await settled(page);
}

afterAll(async () => {
  await browser?.close();
});

let sidebarCache: Map<string, string> | undefined;

/** Opens each tag of the sidebar in turn; returns every operation link seen: href -> label. */
async function sidebarOperations(): Promise<Map<string, string>> {
  if (sidebarCache) return sidebarCache;
  const seen = new Map<string, string>();
  const groups = page.locator('[data-component-name="Menu/MenuItem"].menu-item-type-group > a');
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    await group.click();
    // Opened: its entries are in the list that follows it (every group has some).
    await group.locator("xpath=following-sibling::*[1]").locator('a[href*="#/"]').first().waitFor({ state: "attached", timeout: 15_000 });
    const links = await page.$$eval('[data-component-name="Menu/MenuItem"] a[href*="#/"]', (as) =>
      as.map((a) => [a.getAttribute("href") ?? "", (a.textContent ?? "").trim()] as const),
    );
    for (const [href, label] of links) seen.set(href, label);
  }
  sidebarCache = seen;
  return seen;
}

describe("API reference page in Chromium", () => {
  it("renders the title and the introduction", async () => {
    ready();
    expect(await page.title()).toBe("Comm100 Live Chat API");
    const h1 = await page.getByRole("heading", { level: 1 }).first().textContent();
    expect(h1).toContain("Comm100 Live Chat API");
    const text = await page.locator("body").innerText();
    for (const section of EXPECTED_GUIDES) {
      expect(text, section).toContain(section);
    }
    // Each guide is a sidebar entry of its own (a trait tag); the SDK guide holds the client setup.
    await page.evaluate(() => {
      location.hash = "tag/Using-the-TypeScript-SDK";
    });
    await expect.poll(() => page.locator("body").innerText(), { timeout: 15_000 }).toContain("createComm100Client");
  });

  // Each group click renders that group's page (~0.5 s each under load): 17 of them.
  it("lists every operation of the spec in the sidebar, linked by operationId", { timeout: 120_000 }, async () => {
    ready();
    const links = await sidebarOperations();
    const found: string[] = [];
    const missing: string[] = [];
    for (const op of ops) {
      const hit = [...links].find(([href]) => href.toLowerCase().endsWith(`/${op.operationId.toLowerCase()}`));
      if (hit?.[1].includes(op.summary)) found.push(op.operationId);
      else missing.push(`${op.operationId} (${op.summary})`);
    }
    console.log(`operations present: ${found.length}/${ops.length}`);
    expect(missing).toEqual([]);
    expect(found.length).toBe(ops.length);
  });

  it("renders each operation with its curl and TypeScript samples", { timeout: 120_000 }, async () => {
    ready();
    const links = await sidebarOperations();
    const hrefOf = (op: Op) => [...links.keys()].find((h) => h.toLowerCase().endsWith(`/${op.operationId.toLowerCase()}`))!;
    // Each operation is a route Redoc renders on its own: half of them in a second page alongside.
    const second = await context.newPage();
    try {
      await second.goto(pageUrl, { waitUntil: "load" });
      await settled(second);
      const tabs = [page, second];
      await eachConcurrently([0, 1], PAGES_AT_ONCE, async (tab) => {
        const on = tabs[tab]!;
        for (const op of ops.filter((_, i) => i % tabs.length === tab)) {
          await on.evaluate((hash) => {
            location.hash = hash.slice(hash.indexOf("#") + 1);
          }, hrefOf(op));
          await expect.poll(() => headingCount(on, op.summary), { message: op.operationId, timeout: 15_000 }).toBeGreaterThan(0);
        }
      });
    } finally {
      await second.close();
    }
    // the samples themselves, on one operation
    const op = ops.find((o) => o.body) ?? ops[0]!;
    await page.evaluate((hash) => {
      location.hash = hash.slice(hash.indexOf("#") + 1);
    }, hrefOf(op));
    await expect.poll(() => headingCount(page, op.summary), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator("pre, code").filter({ hasText: "curl -" }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // switch the sample language to TypeScript
    const languages = page.locator('[data-component-name="Dropdown/Dropdown"] button').filter({ hasText: /^curl$/ });
    const typescript = page.getByRole("menuitem", { name: "TypeScript", exact: true });
    // Under load a click can land while Redoc still scrolls to the operation and open nothing:
    // click again until the menu (which exists only while open) is there.
    await expect
      .poll(
        async () => {
          if ((await typescript.count()) === 0) await languages.filter({ visible: true }).first().click();
          return typescript.count();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    // Dispatched: near the bottom of the window the menu can open past the viewport.
    await typescript.first().dispatchEvent("click");
    await expect
      .poll(() => page.locator("pre, code").filter({ hasText: "createComm100Client" }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotDir, "typescript-sample.png") });
  });

  it("takes a screenshot of an operation with its curl sample for review", async () => {
    ready();
    const op = ops.find((o) => o.body) ?? ops[0]!;
    const links = await sidebarOperations();
    const href = [...links.keys()].find((h) => h.toLowerCase().endsWith(`/${op.operationId.toLowerCase()}`))!;
    // a fresh load of the deep link, so the sidebar shows only that operation's tag open
    await page.goto("about:blank");
    await page.goto(`${pageUrl}${href.slice(href.indexOf("#"))}`, { waitUntil: "load" });
    await page.locator("pre").filter({ hasText: "curl -" }).first().waitFor();
    await settled(page);
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, "reference.png") });
  });

  it("search finds the reset API key operation by a path fragment", async () => {
    ready();
    const target = ops.find((o) => o.path.includes("reset_api_key"))!;
    expect(target).toBeDefined();
    await page.keyboard.press("Escape");
    // the search box at the top of the sidebar opens Redoc's search dialog
    await page.locator('[data-component-name="icons/SearchIcon/SearchIcon"]').first().locator("xpath=..").click();
    const input = page.locator('[data-component-name="Search/SearchInput"] input');
    await input.waitFor();
    await input.fill("reset_api_key");
    const results = page.locator('[data-component-name="Search/SearchItem"]');
    const hit = results.filter({ hasText: target.summary }).first();
    await hit.waitFor();
    expect(await hit.getAttribute("href")).toMatch(new RegExp(`/${target.operationId.toLowerCase()}$`));
    console.log(
      `search "reset_api_key": ${await results.count()} results, first: ${(await results.first().innerText()).split("\n").join(" | ")}`,
    );
    await page.screenshot({ path: join(screenshotDir, "search.png") });
    await hit.click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(new RegExp(`/${target.operationId.toLowerCase()}$`));
    await expect.poll(() => headingCount(page, target.summary), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it("made no request that leaves the machine", () => {
    ready();
    expect(external).toEqual([]);
  });
});
