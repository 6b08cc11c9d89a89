// `@comm100-sdk/client`: both styles. The request style alone is `@comm100-sdk/client/request`
// (src/request-entry.ts); a bundler drops the resource table when only it is imported from here.
export { createComm100Client } from "./client.js";
export type { Comm100Client } from "./client.js";
export * from "./request-entry.js";
export type { Comm100Page } from "./pagination.js";
export { Comm100Promise, type WithResponse } from "./response-promise.js";
export type { Comm100Resources } from "./generated/resources.js";
export type * from "./generated/models.js";
export type { Args, Data, DateOf, Dated, Item, Params, PathParam, RequestOptions } from "./resource-types.js";
export type { SchemaDates } from "./generated/response-dates.js";
