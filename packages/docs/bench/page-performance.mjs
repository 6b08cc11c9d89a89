#!/usr/bin/env node
// How heavy the built reference page is and how soon a reader can search it, measured in Debian's
// Chromium, offline: the page weight (total, scripts, of which the API definition, styles,
// prerendered markup) and "search ready", the moment the first hit of a search typed as soon as
// Ctrl+K can open the dialog appears (three runs and their median, one run with the CPU slowed four
// times through CDP). A measurement, so it lives in `pnpm bench` (bench/src/run.mjs calls this file
// with --sections), never in `pnpm test`: the machine's load decides the figures.
// Writes reports/docs-performance.json; prints a summary, or with --sections the bench's sections.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH, STAYS_ON_MACHINE } from "@comm100-sdk/test-browser";
import { chromium } from "playwright-core";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const htmlPath = join(pkgDir, "dist", "index.html");
const pageUrl = pathToFileURL(htmlPath).href;
const IDLE_RUNS = 3;

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
/** @param {number} n */
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

/** What the page's bytes are: scripts (the API definition among them), styles, the rest markup. */
function pageWeight() {
  const html = readFileSync(htmlPath, "utf8");
  const bytes = statSync(htmlPath).size;
  /** @param {RegExp} re */
  const sum = (re) => [...html.matchAll(re)].reduce((n, m) => n + Buffer.byteLength(m[1] ?? ""), 0);
  const scripts = sum(/<script[^>]*>([\s\S]*?)<\/script>/g);
  const styles = sum(/<style[^>]*>([\s\S]*?)<\/style>/g);
  const definition = Buffer.byteLength(/__redoc_definition = (\{[\s\S]*?\});\n/.exec(html)?.[1] ?? "");
  return { bytes, scripts, styles, definition, markup: bytes - scripts - styles };
}

/**
 * Milliseconds from navigation start until a search shows its first hit, in a fresh offline page.
 * @param {import("playwright-core").Browser} browser
 * @param {number} cpuSlowdown
 */
async function timeToSearch(browser, cpuSlowdown = 1) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route("**/*", (route) =>
    STAYS_ON_MACHINE.test(route.request().url()) ? route.continue() : route.abort("blockedbyclient"),
  );
  await context.addInitScript(() => {
    const w = /** @type {{ __hit?: number }} */ (/** @type {unknown} */ (window));
    const mo = new MutationObserver(() => {
      if (w.__hit === undefined && document.querySelector('[data-component-name="Search/SearchItem"]')) {
        w.__hit = performance.now();
        mo.disconnect();
      }
    });
    mo.observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  try {
    if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    await page.goto(pageUrl, { waitUntil: "commit" });
    const input = page.locator('[data-component-name="Search/SearchInput"] input');
    // Ctrl+K until the dialog opens (it cannot before Redoc has hydrated).
    for (let i = 0; (await input.count()) === 0; i++) {
      if (i > 3000) throw new Error("the search box never opened");
      await page.keyboard.press("Control+k").catch(() => {});
      await page.waitForTimeout(20);
    }
    const searchBoxOpened = await page.evaluate(() => performance.now());
    await input.fill("pagination");
    await page.waitForFunction(() => /** @type {{ __hit?: number }} */ (/** @type {unknown} */ (window)).__hit !== undefined, null, {
      timeout: 120_000,
      polling: 20,
    });
    const r = await page.evaluate(() => ({
      searchReady: /** @type {{ __hit: number }} */ (/** @type {unknown} */ (window)).__hit,
      domContentLoaded: /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType("navigation")[0]).domContentLoadedEventEnd,
    }));
    if (r.searchReady < searchBoxOpened) throw new Error("a hit was seen before the search box opened");
    return {
      searchReady: Math.round(r.searchReady),
      searchBoxOpened: Math.round(searchBoxOpened),
      domContentLoaded: Math.round(r.domContentLoaded),
    };
  } finally {
    await context.close();
  }
}

assertChromium();
const weight = pageWeight();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
/** @type {Awaited<ReturnType<typeof timeToSearch>>[]} */
const idle = [];
let slowed;
try {
  for (let i = 0; i < IDLE_RUNS; i++) idle.push(await timeToSearch(browser));
  slowed = await timeToSearch(browser, 4);
} finally {
  await browser.close();
}
const ready = idle.map((r) => r.searchReady);
const report = {
  measuredAt: new Date().toISOString(),
  cores: cpus().length,
  loadAverage: loadavg()[0],
  pageWeight: weight,
  timeToSearchReady: { runs: idle, medianMs: median(ready), cpuSlowedFourTimes: slowed },
};
mkdirSync(join(pkgDir, "reports"), { recursive: true });
writeFileSync(join(pkgDir, "reports", "docs-performance.json"), `${JSON.stringify(report, null, 2)}\n`);

const weightLine = `${kib(weight.bytes)} (scripts ${kib(weight.scripts)}, of which the API definition ${kib(weight.definition)}; styles ${kib(weight.styles)}; prerendered markup ${kib(weight.markup)})`;
const searchLine = `median ${median(ready)} ms of ${ready.join("/")} ms (search box opens at ${median(idle.map((r) => r.searchBoxOpened))} ms, DOMContentLoaded ${median(idle.map((r) => r.domContentLoaded))} ms); CPU slowed 4x: ${slowed.searchReady} ms`;
if (process.argv.includes("--sections")) {
  const body = [
    "| measure | value |",
    "| --- | --- |",
    `| page weight | ${weightLine} |`,
    `| search ready (navigation start to the first hit of "pagination") | ${searchLine} |`,
  ].join("\n");
  console.log(
    JSON.stringify([
      [`Reference page in Chromium (packages/docs/bench/page-performance.mjs; ${IDLE_RUNS} fresh offline loads, one page at a time)`, body],
    ]),
  );
} else {
  console.log(`page weight: ${weightLine}`);
  console.log(`time until search is ready: ${searchLine}; ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}`);
}
