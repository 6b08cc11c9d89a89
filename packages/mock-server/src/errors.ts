/** The Comm100 error body: `{ code, message }`, where the code starts with the HTTP status. */
export interface Comm100Error {
  code: number;
  message: string;
}

/** A finished answer, before it is written to the socket. */
export interface MockAnswer {
  status: number;
  headers?: Record<string, string>;
  /** `undefined`: empty body; anything else is sent as JSON. */
  body?: unknown;
}

export function errorAnswer(status: number, message: string, headers?: Record<string, string>): MockAnswer {
  const body: Comm100Error = { code: status * 1000, message };
  return { status, body, ...(headers ? { headers } : {}) };
}
