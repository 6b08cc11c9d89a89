// A vitest reporter for `pnpm test`: lists every test that took more than a third of its timeout
// (the per-test override, else its project's testTimeout, as vitest resolved it for the test),
// into reports/timeout-margins.json. Such a test fails as soon as the machine is a few times
// busier; scripts/run-tests.mjs prints the list as a warning. It never fails the run: timing
// varies with load.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

/** @typedef {import("vitest/node").Reporter} Reporter */
/** @typedef {{ file: string; test: string; project: string; duration: number; timeout: number }} NearTimeout */

/** A test is near its timeout above this share of it. */
export const SHARE = 1 / 3;

/** @implements {Reporter} */
export default class TimeoutMarginReporter {
  /** @type {NearTimeout[]} */
  near = [];
  root = process.cwd();

  /** @param {import("vitest/node").Vitest} vitest */
  onInit(vitest) {
    this.root = vitest.config.root;
  }

  /** @param {import("vitest/node").TestCase} test */
  onTestCaseResult(test) {
    const { duration } = test.diagnostic() ?? {};
    const timeout = test.options.timeout;
    if (duration === undefined || !timeout || duration <= timeout * SHARE) return;
    this.near.push({
      file: relative(this.root, test.module.moduleId),
      test: test.fullName,
      project: test.project.name,
      duration: Math.round(duration),
      timeout,
    });
  }

  onTestRunEnd() {
    const out = join(this.root, "reports", "timeout-margins.json");
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(this.near, null, 2)}\n`);
  }
}
