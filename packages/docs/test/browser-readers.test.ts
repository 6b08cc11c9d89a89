// What a reader meets in Chromium (Debian's, driven by playwright-core), beyond "everything is
// there" (browser.test.ts): search lands on the guides, code wraps and has a Copy button that the
// keyboard reaches, tables stay readable on a 390 px phone, axe-core finds no serious or critical
// violation. Every request that would leave the machine is blocked and counted.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOperations, loadSpec } from "@comm100-sdk/spec-reader";
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from "@comm100-sdk/test-browser";
import { htmlPath, screenshotDir, specPath } from "./paths.js";

const require = createRequire(import.meta.url);
const pageUrl = pathToFileURL(htmlPath).href;
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
const external: string[] = [];
let setupError: Error | undefined;

beforeAll(async () => {
  try {
    assertChromium();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
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
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    external.push(url);
    return route.abort("blockedbyclient");
  });
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
  await page.locator("#redoc h1, #redoc h2").first().waitFor({ timeout: 30_000 });
  return { page, context, errors };
}

/** Opens Redoc's search dialog and types `query`; returns the hits (href, text), best first. */
async function search(page: Page, query: string): Promise<{ href: string; text: string }[]> {
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
  await page.waitForTimeout(300); // the list settles after the first hit
  return items.evaluateAll((els) => els.map((e) => ({ href: e.getAttribute("href") ?? "", text: (e as HTMLElement).innerText })));
}

describe("search lands on the guides", () => {
  for (const [query, guide, heading] of [
    ["pagination", "#/pagination", "Pagination"],
    ["authentication", "#/authentication", "Authentication"],
    ["quota", "#/daily-request-quota", "Daily request quota"],
  ] as const) {
    it(`"${query}" lists the ${heading} guide first and opens it`, async () => {
      const { page, context } = await open();
      try {
        const hits = await search(page, query);
        console.log(`search "${query}": ${hits.length} results, first: ${hits[0]?.href}`);
        expect(hits[0]?.href).toBe(guide);
        await page.locator('[data-component-name="Search/SearchItem"]').first().click();
        await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(guide);
        await expect.poll(() => page.locator("h2", { hasText: heading }).first().isVisible(), { timeout: 15_000 }).toBe(true);
      } finally {
        await context.close();
      }
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
    for (const hash of [
      "#/getting-started",
      "#/daily-request-quota",
      "#/authentication",
      `#/${op.tag.toLowerCase().replace(/ /g, "-")}/${op.operationId.toLowerCase()}`,
    ]) {
      const { page, context, errors } = await open(hash);
      try {
        await expect.poll(async () => (await codeBlocks(page)).filter((b) => !b.copy).length, { timeout: 15_000, message: hash }).toBe(0);
        const blocks = await codeBlocks(page);
        expect(blocks.length, hash).toBeGreaterThan(0);
        expect(
          blocks.filter((b) => b.overflows && !b.scrollsVisibly),
          hash,
        ).toEqual([]);
        expect(errors, `${hash}: the page logged errors (a hydration mismatch?)`).toEqual([]);
      } finally {
        await context.close();
      }
    }
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

type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };

describe("axe-core", () => {
  it("finds no serious or critical violation on the top page and on one operation page per group", { timeout: 240_000 }, async () => {
    const spec = loadSpec(specPath);
    const firstOfTag = new Map<string, string>();
    for (const op of listOperations(spec) as { tag: string; operationId: string }[])
      if (!firstOfTag.has(op.tag)) firstOfTag.set(op.tag, op.operationId);
    const pages = [
      ["top", ""],
      ...[...firstOfTag].map(([tag, id]) => [tag, `#/${tag.toLowerCase().replace(/ /g, "-")}/${id.toLowerCase()}`]),
    ] as const;
    expect(pages.length).toBe(1 + (spec.tags as { name: string }[]).length);
    const bad: string[] = [];
    const minor = new Map<string, number>();
    for (const [name, hash] of pages) {
      const { page, context } = await open(hash);
      try {
        await page.waitForTimeout(500); // the page script's pass after hydration
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
          return (await axe.run(document, { resultTypes: ["violations"] })).violations;
        });
        for (const v of violations) {
          if (v.impact === "serious" || v.impact === "critical")
            bad.push(
              `${name}: ${v.id} (${v.impact}) at ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(" "))
                .join(", ")}`,
            );
          else minor.set(v.id, (minor.get(v.id) ?? 0) + v.nodes.length);
        }
        // Every page has one visible or hidden-but-present h1 (a deep link too).
        expect(await page.locator("h1:not([hidden])").count(), name).toBeGreaterThan(0);
      } finally {
        await context.close();
      }
    }
    console.log(
      `axe-core on ${pages.length} pages: ${bad.length} serious/critical; moderate/minor: ${[...minor].map(([id, n]) => `${id} x${n}`).join(", ") || "none"}`,
    );
    expect(bad).toEqual([]);
  });
});

describe("offline", () => {
  it("made no request that leaves the machine", () => {
    if (setupError) throw setupError;
    expect(external).toEqual([]);
  });
});
