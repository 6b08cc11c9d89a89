// Which credentials the mock accepts. Emails compare case-insensitively (an address's domain is),
// API keys exactly, as secrets do.
import type { Credentials } from "../auth.js";

export interface MockAccount {
  email: string;
  apiKey: string;
}

/** The account a stateful mock accepts when none is configured (documented in the README). */
export const DEFAULT_ACCOUNT: MockAccount = { email: "agent@example.com", apiKey: "mock-api-key" };

/** `email:key` as `--account` takes it; the key may contain colons. */
export function parseAccount(text: string): MockAccount {
  const colon = text.indexOf(":");
  const email = colon < 0 ? "" : text.slice(0, colon).trim();
  const apiKey = colon < 0 ? "" : text.slice(colon + 1);
  if (email === "" || apiKey.trim() === "") throw new TypeError("--account must be email:apiKey with a non-empty email and key");
  return { email, apiKey };
}

export interface AccountBook {
  /** `undefined` when any non-empty credentials are accepted. */
  readonly accounts: readonly MockAccount[] | undefined;
  /** The account the credentials belong to, or undefined when they are wrong. */
  find(credentials: Credentials): MockAccount | undefined;
}

/** `accounts` undefined: every credential is accepted (each email is its own account). */
export function createAccountBook(accounts: readonly MockAccount[] | undefined): AccountBook {
  const list = accounts?.map((a) => ({ email: a.email, apiKey: a.apiKey }));
  for (const a of list ?? [])
    if (a.email.trim() === "" || a.apiKey.trim() === "") throw new TypeError("every account needs a non-empty email and apiKey");
  return {
    accounts: list,
    find(credentials) {
      if (!list) return { email: credentials.email, apiKey: credentials.apiKey };
      const email = credentials.email.toLowerCase();
      return list.find((a) => a.email.toLowerCase() === email && a.apiKey === credentials.apiKey);
    },
  };
}
