export { createMockHandler, createMockServer } from "./server.js";
export type { MockHandler, MockHandlerOptions, MockServer, MockServerOptions } from "./server.js";
export { loadDefaultSpec, basePathOf } from "./spec.js";
export type { OpenAPIDocument } from "./spec.js";
export { createAjv2020 } from "./validate.js";
export type { Comm100ErrorBody, Comm100Error } from "./errors.js";
