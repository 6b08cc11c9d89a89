// `pnpm docs:preview`: serves the page on 127.0.0.1 and rebuilds it when the spec sources change.
// Runs against a copy of the bundled spec in a temp folder, so the real spec/ is never touched.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pkgDir, rootDir } from "./paths.js";

let dir: string;
let child: ChildProcess;
let base: string;
let output = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "comm100-docs-preview-"));
  writeFileSync(join(dir, "openapi.yaml"), readFileSync(join(rootDir, "spec/dist/openapi.yaml")));
  child = spawn(
    process.execPath,
    ["scripts/preview.mjs", "--port", "0", "--spec-dir", dir, "--dist", join(dir, "dist"), "--work", join(dir, "work")],
    { cwd: pkgDir, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  base = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`preview did not start:\n${output}`)), 50_000);
    const check = () => {
      const m = output.match(/preview: (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => fail(new Error(`preview exited with ${code}:\n${output}`)));
  });
});

afterAll(() => {
  child?.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("docs preview server", () => {
  it("serves the built page on 127.0.0.1 with the live-reload hook", async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<title>Comm100 Live Chat API</title>");
    expect(html).toContain('new EventSource("/__livereload")');
    // Redoc's own routes get the page too
    const deep = await fetch(`${base}/agents/listagents`);
    expect(deep.status).toBe(200);
    expect(await fetch(`${base}/no-such-file.js`).then((r) => r.status)).toBe(404);
  });

  it("rebuilds and tells the page to reload when the spec changes", async () => {
    const controller = new AbortController();
    const events = await fetch(`${base}/__livereload`, { signal: controller.signal });
    const reader = events.body!.getReader();
    const decoder = new TextDecoder();
    let stream = "";
    const reloaded = (async () => {
      while (!stream.includes("event: reload")) {
        const { value, done } = await reader.read();
        if (done) break;
        stream += decoder.decode(value);
      }
      return stream;
    })();
    await new Promise((r) => setTimeout(r, 200));
    const yamlPath = join(dir, "openapi.yaml");
    const yaml = readFileSync(yamlPath, "utf8");
    expect(yaml).toMatch(/^ {2}title: Comm100 Live Chat API$/m);
    writeFileSync(yamlPath, yaml.replace(/^ {2}title: Comm100 Live Chat API$/m, "  title: Comm100 Live Chat API (edited)"));
    const got = await Promise.race([
      reloaded,
      new Promise<string>((_, fail) => setTimeout(() => fail(new Error(`no reload event:\n${stream}\n${output}`)), 45_000)),
    ]);
    controller.abort();
    expect(got).toContain("event: reload");
    const html = await fetch(`${base}/`).then((r) => r.text());
    expect(html).toContain("<title>Comm100 Live Chat API (edited)</title>");
    expect(output).toMatch(/rebuilt in \d+ ms/);
  });
});
