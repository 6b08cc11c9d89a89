// Where the credentials may go: over https, or over plain http only to this machine (a mock, a
// local proxy). One check for the `baseUrl` option and for every request URL (a middleware may
// have rewritten it).

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** `protocol//host` of a URL the credentials must not be sent to, or undefined when it is allowed. */
export function unsafeOrigin(url: URL): string | undefined {
  const ok = url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname));
  return ok ? undefined : `${url.protocol}//${url.host}`;
}
