// How the server says the account's daily request quota is used up, and when it resets. Used by
// the error classes, the transport and `@comm100-sdk/client/quota`; not part of the public API.

/** The next 00:00 UTC strictly after `from`. */
export function nextUtcMidnight(from: Date): Date {
  return new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + 1));
}

/** True when a 403 body says the daily request quota is used up (code 403001, or a message about the quota or the daily limit). */
export function isQuotaExceeded(status: number, body: unknown): boolean {
  if (status !== 403 || !body || typeof body !== "object") return false;
  const { code, message } = body as { code?: unknown; message?: unknown };
  return code === 403001 || (typeof message === "string" && /quota|daily/i.test(message));
}
