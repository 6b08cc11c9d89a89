// Named profiles in <config dir>/comm100/config.json, written with 0600 permissions (the API key
// is in it) inside a 0700 directory, atomically (a temporary file renamed over the old one).
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export interface Profile {
  email: string;
  apiKey: string;
  domain?: string;
  baseUrl?: string;
}

export interface ConfigFile {
  profiles: Record<string, Profile>;
}

/** XDG_CONFIG_HOME (or ~/.config) on Linux, Application Support on macOS, APPDATA on Windows. */
export function configDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.COMM100_CONFIG_DIR) return env.COMM100_CONFIG_DIR;
  if (platform === "win32") return join(env.APPDATA ?? join(homedir(), "AppData", "Roaming"), "comm100");
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", "comm100");
  return join(env.XDG_CONFIG_HOME || join(homedir(), ".config"), "comm100");
}

export const configPath = (env?: NodeJS.ProcessEnv) => join(configDir(env), "config.json");

export function readConfig(env?: NodeJS.ProcessEnv): ConfigFile {
  const file = configPath(env);
  if (!existsSync(file)) return { profiles: {} };
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8"));
    return { profiles: parsed && typeof parsed.profiles === "object" ? parsed.profiles : {} };
  } catch {
    throw new Error(`${file} is not valid JSON; fix or delete it`);
  }
}

export function writeConfig(config: ConfigFile, env?: NodeJS.ProcessEnv): string {
  const dir = configDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, "config.json");
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600); // the mode above is masked by the umask
  renameSync(tmp, file);
  return file;
}
