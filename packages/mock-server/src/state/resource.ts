// What a resource handler sees: the validated request, the store and the mock clock.
import type { MockAnswer } from "../errors.js";
import type { ValidRequest } from "../handler.js";
import type { Store } from "./store.js";

export interface ResourceContext {
  store: Store;
  now(): Date;
  /** Items per page of the paginated lists. */
  pageSize: number;
}

/** `undefined`: not modelled, the documented example answers. */
export type ResourceHandler = (req: ValidRequest, ctx: ResourceContext) => MockAnswer | undefined;
