// axe-core (the accessibility engine, injected from its package) in Debian's Chromium: no serious
// or critical violation on the top page and on one operation page per group, offline. Two tabs
// share the pages: each tab is loaded fresh from its first link (a deep link, or the top page) and
// then follows its other links as a reader does, by route change. A fresh load costs a whole
// hydration of the page (about three CPU-seconds); a route change renders only that page.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOperations, loadSpec } from "@comm100-sdk/spec-reader";
import { blockNetwork, eachConcurrently, headingCount, launchChromium, PAGES_AT_ONCE, pageUrl, settled } from "./browser-page.js";
import { specPath } from "./paths.js";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

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

type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };

describe("axe-core", () => {
  it("finds no serious or critical violation on the top page and on one operation page per group", { timeout: 240_000 }, async () => {
    if (setupError) throw setupError;
    const spec = loadSpec(specPath);
    const firstOfTag = new Map<string, string>();
    const summaries = new Map<string, string>();
    for (const op of listOperations(spec) as { tag: string; operationId: string; summary: string }[])
      if (!firstOfTag.has(op.tag)) {
        firstOfTag.set(op.tag, op.operationId);
        summaries.set(op.tag, op.summary);
      }
    const pages = [
      ["top", ""],
      ...[...firstOfTag].map(([tag, id]) => [tag, `#/${tag.toLowerCase().replace(/ /g, "-")}/${id.toLowerCase()}`]),
    ] as const;
    expect(pages.length).toBe(1 + (spec.tags as { name: string }[]).length);
    const bad: string[] = [];
    const minor = new Map<string, number>();
    const check = async (page: Page, name: string) => {
      // once per document: a route change keeps the window, and axe in it (half a megabyte to parse)
      if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
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
    };
    await eachConcurrently([0, 1], PAGES_AT_ONCE, async (tab) => {
      const mine = pages.filter((_, i) => i % PAGES_AT_ONCE === tab);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        await blockNetwork(context, external);
        const page = await context.newPage();
        for (const [i, [name, hash]] of mine.entries()) {
          if (i === 0) {
            await page.goto(`${pageUrl}${hash}`, { waitUntil: "load" });
            await settled(page); // the page script's pass after hydration is part of what axe checks
          } else {
            await page.evaluate((h) => {
              location.hash = h.slice(1);
            }, hash);
            const summary = summaries.get(name)!;
            await expect.poll(() => headingCount(page, summary), { message: name, timeout: 15_000 }).toBeGreaterThan(0);
            // the route's markup is there; the page script's pass over it is part of what axe checks
            await settled(page);
          }
          await check(page, name);
        }
      } finally {
        await context.close();
      }
    });
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
