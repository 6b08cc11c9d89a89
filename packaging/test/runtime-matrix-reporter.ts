// Prints the runtime matrix as a table at the end of the run: one line per runtime suite of
// test/runtimes.test.ts (named with its version), with its pass and fail counts, so CI output
// shows every runtime by name.
import type { Reporter, TestModule } from "vitest/node";

export default class RuntimeMatrixReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const matrix = testModules.find((m) => m.moduleId.endsWith("/test/runtimes.test.ts"));
    if (!matrix) return;
    const rows = [...matrix.children.suites()].map((suite) => {
      const count = (state: "passed" | "failed" | "skipped") => [...suite.children.allTests(state)].length;
      return { name: suite.name, passed: count("passed"), failed: count("failed"), skipped: count("skipped") };
    });
    const width = Math.max(...rows.map((r) => r.name.length));
    const lines = rows.map(
      (r) =>
        `  ${r.failed || !r.passed ? "FAIL" : "ok  "} ${r.name.padEnd(width)}  ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ""}`,
    );
    console.log(`\nruntime matrix (packed @comm100-sdk/client against the mock server):\n${lines.join("\n")}\n`);
  }
}
