// `createComm100Client`: the request style (src/request.ts) plus the resource style (src/resources.ts).
import type { Comm100Resources } from "./generated/resources.js";
import type { Comm100ClientOptions, Comm100Dates } from "./options.js";
import { createRequestCore, type Comm100RequestClient } from "./request.js";
import { addResources } from "./resources.js";

/** What `createComm100Client` returns: the request style and the resource style, typed by the `dates` mode `D`. */
export type Comm100Client<D extends Comm100Dates = "string"> = Comm100RequestClient<D> & Comm100Resources<D>;

/**
 * Creates a Comm100 API v1 client. Throws `Comm100ConfigError` for bad options, before any request.
 * With `dates: "date"` the answers' date fields are `Date`s, and typed so.
 */
export function createComm100Client<D extends Comm100Dates>(options: Comm100ClientOptions<D> & { dates: D }): Comm100Client<D>;
/**
 * Creates a Comm100 API v1 client. Throws `Comm100ConfigError` for bad options, before any request.
 * Date fields are the API's strings (see `parseComm100Date`, or the `dates: "date"` option).
 */
// Last, so that `ReturnType<typeof createComm100Client>` is the client of the default mode.
export function createComm100Client(options?: Comm100ClientOptions): Comm100Client;
export function createComm100Client(options: Comm100ClientOptions<Comm100Dates> = {}): unknown {
  const { api, send, config } = createRequestCore(options);
  return addResources(api, send, config.redact);
}
