/** Exit codes of `comm100` (documented in the README). */
export const EXIT = {
  ok: 0,
  /** The API answered with an error not listed below (400, 403, 500 ...), or something unexpected failed. */
  apiError: 1,
  /** Bad command line: unknown command or flag, a bad value, a missing required flag or argument. */
  usage: 2,
  /** No credentials, or the API refused them (401). */
  auth: 3,
  /** 404: the item does not exist. */
  notFound: 4,
  /** The daily API quota is used up (the quota 403); `export` saved its checkpoint. */
  quota: 5,
  /** No usable answer: connection refused or reset, timeout, a response that is not JSON. */
  network: 6,
  /** Stopped with Ctrl-C (128 + SIGINT); `export` saved its checkpoint. */
  interrupted: 130,
} as const;
