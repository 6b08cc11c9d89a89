import { Comm100Error } from "@comm100-sdk/client";

/**
 * The Redis quota store could not count (Redis unreachable, timed out, refused a command). Nothing
 * was sent. The message names the cause (e.g. `ECONNREFUSED`) but never a password, and the Redis
 * client's own error (whose command arguments may hold one) is not attached.
 */
export class Comm100QuotaStoreError extends Comm100Error {
  override name = "Comm100QuotaStoreError";
  /** The system error code when there was one, e.g. `ECONNREFUSED`. */
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}
