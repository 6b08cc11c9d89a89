// `@comm100-sdk/client/request`: the request style alone (`GET`, `POST`...) with the options, the
// errors and the types it uses, without the resource style's operation table.
export { createComm100RequestClient } from "./request.js";
export type { Comm100RequestClient } from "./request.js";
export type { Comm100ClientOptions, Comm100Dates, Comm100Logger, Comm100LogLevel, RetryOptions } from "./options.js";
export {
  Comm100ApiError,
  Comm100AuthenticationError,
  Comm100BadRequestError,
  Comm100ConfigError,
  Comm100ConnectionError,
  Comm100Error,
  Comm100InternalServerError,
  Comm100InvalidResponseError,
  Comm100NotFoundError,
  Comm100PermissionDeniedError,
  Comm100QuotaExceededError,
  Comm100RateLimitError,
  Comm100TimeoutError,
} from "./errors.js";
export { parseComm100Date } from "./dates.js";
export { DOMAINS, DEFAULT_DOMAIN } from "./generated/meta.js";
export type { Comm100Domain } from "./generated/meta.js";
export type { Middleware } from "openapi-fetch";
export type { components, operations, paths } from "@comm100-sdk/types";
