#!/usr/bin/env node
// Serves the reference site on 127.0.0.1 and rebuilds it when the spec sources change:
// spec/{openapi.yaml,paths,components} -> redocly bundle -> code samples -> redocly build-docs
// -> theme and Copy buttons -> offline fix-up, then every open page reloads (server-sent events).
//
// usage: node scripts/preview.mjs [--port 8080] [--host 127.0.0.1] [--spec-dir ../../spec]
//          [--dist dist] [--work .tmp/preview]
// --port 0 picks a free port; the first line printed is "preview: <url>".
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, watch, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generate } from "./generate-code-samples.mjs";
import { fetchedUrls, makeOffline } from "./offline.mjs";
import { enhanceHtml } from "./lib/enhance.mjs";

const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const redoclyCli = join(require.resolve("@redocly/cli/package.json"), "..", "bin", "cli.js");

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"), // `pnpm run preview -- --port 3000`
  options: {
    port: { type: "string", default: "8080" },
    host: { type: "string", default: "127.0.0.1" },
    "spec-dir": { type: "string", default: join(pkgDir, "..", "..", "spec") },
    dist: { type: "string", default: join(pkgDir, "dist") },
    work: { type: "string", default: join(pkgDir, ".tmp", "preview") },
  },
});
const specDir = resolve(args["spec-dir"]);
const distDir = resolve(args.dist);
const workDir = resolve(args.work);
const htmlFile = join(distDir, "index.html");

function run(cmd, argv, cwd) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, argv, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, REDOCLY_TELEMETRY: "off" } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? ok(out) : fail(new Error(`${cmd} ${argv.join(" ")} failed (${code}):\n${out}`))));
  });
}

/** One full rebuild from the spec sources; returns the time it took in ms. */
async function rebuild() {
  const started = performance.now();
  mkdirSync(workDir, { recursive: true });
  mkdirSync(distDir, { recursive: true });
  const bundled = join(workDir, "openapi.json");
  const decorated = join(workDir, "openapi.decorated.json");
  // Bundle with the spec's own redocly.yaml (cwd), into the work folder: spec/dist is left alone.
  await run(process.execPath, [redoclyCli, "bundle", join(specDir, "openapi.yaml"), "--ext", "json", "-o", bundled], specDir);
  generate({ spec: bundled, out: decorated, samples: join(workDir, "samples.ts") });
  const tmpHtml = join(workDir, "index.html");
  await run(process.execPath, [redoclyCli, "build-docs", decorated, "--output", tmpHtml, "--inlineBundle"], pkgDir);
  const html = makeOffline(enhanceHtml(readFileSync(tmpHtml, "utf8")));
  const remote = fetchedUrls(html);
  if (remote.length) throw new Error(`the page would load from the network: ${remote.join(", ")}`);
  writeFileSync(htmlFile, html);
  writeFileSync(join(distDir, "openapi.json"), readFileSync(decorated));
  return Math.round(performance.now() - started);
}

// ---- live reload
const clients = new Set();
let version = 0;
function broadcast(event, data) {
  for (const res of clients) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
const RELOAD_SCRIPT = `<script>(function(){var es=new EventSource("/__livereload");es.addEventListener("reload",function(){location.reload()});es.addEventListener("failed",function(e){console.error("docs rebuild failed:",JSON.parse(e.data).message)})})();</script>`;

// ---- rebuild queue: one build at a time, changes during a build trigger one more
let building = false;
let pending = false;
async function scheduleRebuild(reason) {
  if (building) {
    pending = true;
    return;
  }
  building = true;
  try {
    do {
      pending = false;
      try {
        const ms = await rebuild();
        version += 1;
        console.log(`rebuilt in ${ms} ms (${reason})`);
        broadcast("reload", { version });
      } catch (err) {
        console.error(`rebuild failed (${reason}); still serving the last good page:\n${err.message}`);
        broadcast("failed", { message: err.message });
      }
    } while (pending);
  } finally {
    building = false;
  }
}

let timer;
function onChange(file) {
  clearTimeout(timer);
  timer = setTimeout(() => scheduleRebuild(`changed: ${file}`), 150);
}

const watchers = [];
for (const target of ["openapi.yaml", "paths", "components"]) {
  const path = join(specDir, target);
  if (!existsSync(path)) continue;
  const recursive = statSync(path).isDirectory();
  watchers.push(watch(path, { recursive }, (_event, name) => onChange(join(target, name ? String(name) : ""))));
}
// the hand-written guides of this package
const guidesDir = fileURLToPath(new URL("../guides/", import.meta.url));
if (existsSync(guidesDir)) watchers.push(watch(guidesDir, (_event, name) => onChange(join("guides", name ? String(name) : ""))));

// ---- static server
const TYPES = { ".html": "text/html; charset=utf-8", ".json": "application/json", ".png": "image/png", ".svg": "image/svg+xml" };
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/__livereload") {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.write(`event: hello\ndata: ${JSON.stringify({ version })}\n\n`);
    clients.add(res);
    req.on("close", () => clients.delete(res));
    return;
  }
  let file = normalize(join(distDir, decodeURIComponent(url.pathname)));
  if (!file.startsWith(distDir + sep) && file !== distDir) {
    res.writeHead(403).end();
    return;
  }
  // Redoc routes (/agents/listagents) have no file: answer them with the page.
  if (!existsSync(file) || statSync(file).isDirectory()) file = extname(file) ? "" : htmlFile;
  if (!file || !existsSync(file)) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  let body = readFileSync(file);
  if (file === htmlFile) {
    const html = body.toString("utf8");
    const at = html.lastIndexOf("</body>");
    body = Buffer.from(at === -1 ? html + RELOAD_SCRIPT : html.slice(0, at) + RELOAD_SCRIPT + html.slice(at));
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
  res.end(body);
});

if (!existsSync(htmlFile)) await scheduleRebuild("no page built yet");

server.listen(Number(args.port), args.host, () => {
  const { port } = server.address();
  console.log(`preview: http://${args.host}:${port}/`);
  console.log(`watching ${specDir}/{openapi.yaml,paths,components}; Ctrl+C to stop`);
});

function stop() {
  for (const w of watchers) w.close();
  for (const res of clients) res.end();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
