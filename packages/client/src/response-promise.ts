// What a resource method returns: a Promise of the data that can also give the raw Response
// (openai-node's `.withResponse()` / `.asResponse()`).

/** The data of a call together with the Response it came from (its body already read). */
export interface WithResponse<T> {
  data: T;
  response: Response;
}

/** A Promise of a call's data, with `.withResponse()` and `.asResponse()` for the raw Response. */
export class Comm100Promise<T> extends Promise<T> {
  readonly #raw: Promise<WithResponse<T>>;

  constructor(raw: Promise<WithResponse<T>>) {
    // Resolved at once with nothing: `then` below reads from `raw`, so a failure is reported once,
    // to whoever awaits it, and not also as an unhandled rejection of this base promise.
    super((resolve) => resolve(undefined as T));
    this.#raw = raw;
  }

  // `then` of the result is a plain Promise (not a Comm100Promise, whose constructor differs).
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The data and the Response (status, headers, url). */
  withResponse(): Promise<WithResponse<T>> {
    return this.#raw.then(({ data, response }) => ({ data, response }));
  }

  /** The Response alone; its body has been read already (the data is `withResponse().data`). */
  asResponse(): Promise<Response> {
    return this.#raw.then((r) => r.response);
  }

  // biome-ignore lint/suspicious/noThenProperty: a Promise subclass whose then reads the call's data
  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    // one step: the data handed straight to `onFulfilled`
    return this.#raw.then((r) => (typeof onFulfilled === "function" ? onFulfilled(r.data) : (r.data as unknown as A)), onRejected);
  }
}
