// Per-request cost, in a process of its own: interleaved rounds, each contender runs a batch of
// sequential requests per round (order rotated every round); the figure is the median over rounds.
// Every round's figure is kept too (roundsUs), so the report can pair contenders round by round.
// argv: <port> <body json> <hey-api bundle path> ; prints JSON.
import { pathToFileURL } from "node:url";
import { contenders } from "./contenders.mjs";

const [port, body, heyPath] = process.argv.slice(2);
const hey = await import(pathToFileURL(heyPath).href);
const baseUrl = `http://127.0.0.1:${port}/api/v1`;
const expected = JSON.parse(body).length;

/** @type {typeof fetch} */
const stub = async () => new Response(body, { status: 200, headers: { "content-type": "application/json" } });

async function measure(set, { rounds, warmup, batch }) {
  const names = Object.keys(set);
  for (const n of names) {
    const data = await set[n]();
    if (!Array.isArray(data) || data.length !== expected) throw new Error(`${n}: unexpected answer ${JSON.stringify(data)?.slice(0, 200)}`);
  }
  const samples = Object.fromEntries(names.map((n) => [n, /** @type {number[]} */ ([])]));
  for (let r = 0; r < warmup + rounds; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const n of order) {
      const fn = set[n];
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) await fn();
      const us = Number(process.hrtime.bigint() - t0) / 1e3 / batch;
      if (r >= warmup) samples[n].push(us);
    }
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  return Object.fromEntries(
    names.map((n) => [
      n,
      { medianUs: median(samples[n]), minUs: Math.min(...samples[n]), maxUs: Math.max(...samples[n]), roundsUs: samples[n] },
    ]),
  );
}

const loopback = await measure(contenders(baseUrl, hey), { rounds: 25, warmup: 3, batch: 200 });
const inProcess = await measure(contenders(baseUrl, hey, stub), { rounds: 25, warmup: 3, batch: 1000 });
console.log(JSON.stringify({ loopback, inProcess, config: { rounds: 25, warmup: 3, loopbackBatch: 200, stubBatch: 1000 } }));
