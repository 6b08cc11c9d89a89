// `createComm100Client`: the request style (src/request.ts) plus the resource style (src/resources.ts).
import type { Comm100Resources } from "./generated/resources.js";
import type { Comm100ClientOptions } from "./options.js";
import { createRequestCore, type Comm100RequestClient } from "./request.js";
import { addResources } from "./resources.js";

/** What `createComm100Client` returns: the request style and the resource style. */
export type Comm100Client = Comm100RequestClient & Comm100Resources;

/** Creates a Comm100 API v1 client. Throws `Comm100ConfigError` for bad options, before any request. */
export function createComm100Client(options: Comm100ClientOptions = {}): Comm100Client {
  const { api, send, config } = createRequestCore(options);
  return addResources(api, send, config.redact) as Comm100Client;
}
