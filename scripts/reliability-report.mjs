#!/usr/bin/env node
// Merges the reliability suite's fragments (written by the tests) into
// packages/client/reports/reliability.json and rewrites the generated blocks of RELIABILITY.md:
// the fault matrix (<!-- matrix:start/end -->) and the figures (<!-- figures:start/end -->).
// Run after `pnpm --filter @comm100-sdk/client test` and `pnpm --filter @comm100-sdk/mock-server test`:
//   node scripts/reliability-report.mjs [--check]
// --check: exit 1 when RELIABILITY.md is not what this run would write (figures excepted).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The parts of a vitest JSON report this script reads.
 * @typedef {{ name: string; startTime: number; endTime: number; assertionResults: { status: string }[] }} FileResult
 * @typedef {{ testResults: FileResult[] }} VitestReport
 */

const root = fileURLToPath(new URL("../", import.meta.url));
/** @param {string} p a path from the repository root */
const at = (p) => `${root}${p}`;
/** @param {string} p @returns {any} */
const read = (p) => JSON.parse(readFileSync(at(p), "utf8"));
/** The parsed JSON file at `p`; exits when the tests have not written it. @param {string} p @returns {any} */
const need = (p) => {
  if (!existsSync(at(p))) {
    console.error(`reliability-report: ${p} is missing; run the client and mock-server tests first`);
    process.exit(1);
  }
  return read(p);
};

const matrix = need("packages/client/reports/reliability/fault-matrix.json");
const props = need("packages/client/reports/reliability/properties.json");
const secrets = need("packages/client/reports/reliability/secrets.json");
const mock = need("packages/mock-server/reports/robustness.json");

/**
 * The newest vitest JSON report that holds `pkgDir`'s tests: the root one of `pnpm test` (every
 * workspace as a project of one run) or the package's own (`pnpm --filter ... test`).
 * @param {string} pkgDir
 */
function reportFor(pkgDir) {
  const candidates = ["reports/vitest.json", `${pkgDir}/reports/vitest.json`].filter((p) => existsSync(at(p)));
  const newest = candidates.sort((a, b) => statSync(at(b)).mtimeMs - statSync(at(a)).mtimeMs)[0];
  return newest ?? `${pkgDir}/reports/vitest.json`;
}

/**
 * Wall time and test counts of the vitest JSON report's files under `dir`.
 * @param {string} pkgDir
 * @param {string} dir
 */
function suite(pkgDir, dir) {
  /** @type {VitestReport} */
  const r = need(reportFor(pkgDir));
  const files = r.testResults.filter((t) => t.name.replace(/\\/g, "/").includes(dir));
  const tests = files.flatMap((f) => f.assertionResults);
  const start = Math.min(...files.map((f) => f.startTime));
  const end = Math.max(...files.map((f) => f.endTime));
  return {
    files: files.length,
    tests: tests.length,
    passed: tests.filter((t) => t.status === "passed").length,
    failed: tests.filter((t) => t.status === "failed").length,
    seconds: files.length ? Math.round((end - start) / 100) / 10 : 0,
  };
}
const clientSuite = suite("packages/client", "/packages/client/test/reliability/");
const mockSuite = suite("packages/mock-server", "/packages/mock-server/test/reliability/");

const regressions = [
  ...readdirSync(at("packages/client/test/reliability"))
    .filter((f) => f.startsWith("bug-"))
    .map((f) => `packages/client/test/reliability/${f}`),
  ...readdirSync(at("packages/mock-server/test/reliability"))
    .filter((f) => f.startsWith("bug-"))
    .map((f) => `packages/mock-server/test/reliability/${f}`),
];

const report = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  faults: { scenarios: matrix.scenarios, survived: matrix.survived },
  properties: { seed: props.seed, cases: props.cases, byProperty: props.byProperty, operations: props.operations },
  secrets: {
    scenariosReplayed: secrets.scenariosReplayed,
    objectsScanned: secrets.objectsScanned,
    textsScanned: secrets.textsScanned,
    leaks: secrets.leaks,
  },
  mock: { seed: mock.seed, hostileRequests: mock.requests, answers: mock.answered, byStatus: mock.byStatus, crashes: mock.crashes },
  suites: { client: clientSuite, mock: mockSuite },
  regressions,
};
writeFileSync(at("packages/client/reports/reliability.json"), `${JSON.stringify(report, null, 2)}\n`);

/** @param {unknown} s */
const cell = (s) => String(s).replace(/\|/g, "\\|");
const matrixBlock = [
  "| Fault (scenario id) | Method | SDK guarantee | Retried | Last run: outcome, attempts seen by the server |",
  "| --- | --- | --- | --- | --- |",
  ...matrix.rows.map(
    (
      /** @type {{ id: string; fault: string; method: string; guarantee: string; retried: string; outcome: string; attempts?: number }} */ r,
    ) =>
      `| ${cell(r.fault)} (\`${r.id}\`) | ${r.method} | ${cell(r.guarantee)} | ${r.retried} | ${r.outcome}${r.attempts !== undefined ? `, ${r.attempts}` : ""} |`,
  ),
].join("\n");

const statuses = Object.entries(mock.byStatus)
  .map(([s, n]) => `${s}: ${n}`)
  .join(", ");
const figuresBlock = [
  `Last run: ${report.generatedAt.slice(0, 10)}, Node ${process.version}.`,
  "",
  "| Figure | Value |",
  "| --- | --- |",
  `| Faults survived (scenarios whose guarantee held) | ${matrix.survived} / ${matrix.scenarios} |`,
  `| Property cases generated (seed ${props.seed}) | ${props.cases.toLocaleString("en-US")} (${Object.entries(props.byProperty)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}) over ${props.operations} operations |`,
  `| Mock hostile requests (seed ${mock.seed}) | ${mock.requests} (answers by status: ${statuses}); crashes: ${mock.crashes} |`,
  `| Secrets: objects / renderings scanned | ${secrets.objectsScanned} / ${secrets.textsScanned} |`,
  `| Leaks found | ${secrets.leaks} |`,
  `| Client reliability suite | ${clientSuite.tests} tests in ${clientSuite.files} files, ${clientSuite.failed} failed, ${clientSuite.seconds} s wall |`,
  `| Mock robustness suite | ${mockSuite.tests} tests in ${mockSuite.files} files, ${mockSuite.failed} failed, ${mockSuite.seconds} s wall |`,
  `| Regression tests for bugs found | ${regressions.length} |`,
].join("\n");

const mdPath = at("RELIABILITY.md");
const md = readFileSync(mdPath, "utf8");
/** `text` with the block between `<!-- name:start -->` and `<!-- name:end -->` replaced. @param {string} text @param {string} name @param {string} block */
const put = (text, name, block) => {
  const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(text)) {
    console.error(`reliability-report: RELIABILITY.md has no <!-- ${name}:start --> ... <!-- ${name}:end --> block`);
    process.exit(1);
  }
  return text.replace(re, `$1\n${block}\n$2`);
};
const next = put(put(md, "matrix", matrixBlock), "figures", figuresBlock);
if (process.argv.includes("--check")) {
  /** @param {string} t */
  const strip = (t) => put(t, "figures", "");
  if (strip(next) !== strip(md)) {
    console.error("reliability-report: RELIABILITY.md's matrix is stale; run node scripts/reliability-report.mjs");
    process.exit(1);
  }
} else {
  writeFileSync(mdPath, next);
}
const bad = matrix.survived !== matrix.scenarios || secrets.leaks !== 0 || mock.crashes !== 0 || clientSuite.failed || mockSuite.failed;
console.log(
  `reliability: ${matrix.survived}/${matrix.scenarios} faults survived, ${props.cases} property cases, ${mock.requests} mock hostile requests, ${secrets.leaks} leaks, client suite ${clientSuite.seconds} s, mock suite ${mockSuite.seconds} s`,
);
process.exit(bad ? 1 : 0);
