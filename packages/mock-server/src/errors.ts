// The Comm100 error body and the answer value every stage of the pipeline produces.

/** The Comm100 error body: `{ code, message }`, where the code starts with the HTTP status. */
export interface Comm100ErrorBody {
  code: number;
  message: string;
}

/**
 * @deprecated Renamed to `Comm100ErrorBody`: it is the body of an error answer, not the client's
 * `Comm100Error` class.
 */
export type Comm100Error = Comm100ErrorBody;

/** A finished answer, before it is written to the socket. */
export interface MockAnswer {
  status: number;
  headers?: Record<string, string>;
  /** `undefined`: empty body; anything else is sent as JSON. */
  body?: unknown;
}

/** An answer tagged with the operation it answers (for `onRequest`). */
export type OperationAnswer = MockAnswer & { operationId?: string };

export function errorAnswer(status: number, message: string, headers?: Record<string, string>): MockAnswer {
  const body: Comm100ErrorBody = { code: status * 1000, message };
  return { status, body, ...(headers ? { headers } : {}) };
}

/** Tells a finished answer from a stage's successful result (which never has a `status`). */
export function isMockAnswer(x: object): x is MockAnswer {
  return "status" in x;
}

/** A request the mock cannot read (bad percent-encoding, bad Prefer): answered with 400. */
export class ParseError extends Error {}
