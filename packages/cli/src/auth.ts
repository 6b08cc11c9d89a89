// Credentials, in order: flags, environment (COMM100_EMAIL, COMM100_API_KEY, COMM100_DOMAIN,
// COMM100_BASE_URL), then the profile (--profile, COMM100_PROFILE or "default") saved by `login`.
import { createComm100Client, type Comm100Client, type Comm100ClientOptions } from "@comm100-sdk/client";
import { readConfig, type Profile } from "./config.js";

export interface GlobalOptions {
  profile?: string;
  user?: string;
  apiKey?: string;
  domain?: string;
  baseUrl?: string;
  timeout?: number;
}

export class MissingCredentialsError extends Error {
  override name = "MissingCredentialsError";
}

export function resolveCredentials(opts: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Profile {
  const name = opts.profile ?? env.COMM100_PROFILE ?? "default";
  const profiles = readConfig(env).profiles;
  const saved: Partial<Profile> = profiles[name] ?? {};
  if ((opts.profile || env.COMM100_PROFILE) && !profiles[name]) {
    throw new MissingCredentialsError(`no profile named '${name}'; run \`comm100 login --profile ${name}\``);
  }
  const email = opts.user ?? env.COMM100_EMAIL ?? saved.email;
  const apiKey = opts.apiKey ?? env.COMM100_API_KEY ?? saved.apiKey;
  // A domain or base URL given on the command line or in the environment replaces the profile's pair.
  const override = opts.domain ?? opts.baseUrl ?? env.COMM100_DOMAIN ?? env.COMM100_BASE_URL;
  const domain = override ? (opts.domain ?? (opts.baseUrl ? undefined : env.COMM100_DOMAIN)) : saved.domain;
  const baseUrl = override ? (opts.baseUrl ?? (opts.domain ? undefined : env.COMM100_BASE_URL)) : saved.baseUrl;
  if (!email || !apiKey) {
    throw new MissingCredentialsError(
      "no credentials: run `comm100 login`, or set COMM100_EMAIL and COMM100_API_KEY (or pass --user and --api-key)",
    );
  }
  return { email, apiKey, ...(domain ? { domain } : {}), ...(baseUrl ? { baseUrl } : {}) };
}

export function clientFor(creds: Profile, extra: Partial<Comm100ClientOptions> = {}): Comm100Client {
  const options: Comm100ClientOptions = {
    email: creds.email,
    apiKey: creds.apiKey,
    throwOnError: true,
    ...(creds.baseUrl ? { baseUrl: creds.baseUrl } : { domain: creds.domain as Comm100ClientOptions["domain"] }),
    ...extra,
  };
  if (!options.domain) delete options.domain;
  return createComm100Client(options);
}
