// One whole-process import, for the import-time rows: `node import-time.mjs [specifier]` imports the
// package (resolved from bench/, as a consumer would) and exits. The parent times the whole
// process; this prints JSON: the time of the import() itself and the CPU time (user + system, all
// threads) the process has used since it started, both in ms. No specifier: Node alone.
const specifier = process.argv[2];
const t0 = performance.now();
if (specifier) await import(specifier);
const importMs = performance.now() - t0;
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ importMs, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
