export { createComm100Client, formEncode } from "./client.js";
export type { Comm100Client, Comm100ClientOptions, Comm100RequestClient } from "./client.js";
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
  isQuotaExceeded,
  nextUtcMidnight,
} from "./errors.js";
export { parseComm100Date } from "./dates.js";
export { Comm100Promise, type WithResponse } from "./response-promise.js";
export type { Comm100Page } from "./pages.js";
export { DOMAINS, DEFAULT_DOMAIN } from "./generated/meta.js";
export type { Comm100Domain } from "./generated/meta.js";
export type { Comm100Resources } from "./generated/resources.js";
export type * from "./generated/models.js";
export type { Comm100Logger, Comm100LogLevel, RetryOptions } from "./transport.js";
export type { Args, Data, Item, Params, PathParam, RequestOptions } from "./resource-types.js";
export type { Middleware } from "openapi-fetch";
export type { components, operations, paths } from "@comm100-sdk/types";
