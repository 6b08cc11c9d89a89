// Type helpers for the generated resource style (src/generated/resources.ts).
import type { DateField } from "./generated/meta.js";
import type { RetryOptions } from "./options.js";

/** Per-call options of the resource style. */
export interface RequestOptions {
  /** Aborts the call (and any backoff wait); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Timeout of each attempt in ms, overriding the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** The retry policy of this call, over the client's (`false`: no retries); checked like the client option. */
  retry?: RetryOptions | false;
}

type Never<T> = [T] extends [never] ? {} : [T] extends [undefined] ? {} : NonNullable<T>;

/** A date field also takes a `Date` (written in its format, see the README). */
type WithDates<T> = { [K in keyof T]: K extends DateField ? T[K] | Date : T[K] };

/** The query parameters of an operation. */
export type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? WithDates<Never<Q>> : {};

/** The request body of an operation (for any content type). */
export type BodyOf<O> = O extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? {}
    : NonNullable<R> extends { content: infer C }
      ? C[keyof C]
      : {}
  : {};

type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];
/**
 * Optional fields also take `undefined` (left out of the request), so that code compiled with
 * `exactOptionalPropertyTypes` can pass `date_to: string | undefined`.
 */
type Lax<T> = T extends readonly unknown[]
  ? T
  : { [K in Exclude<keyof T, OptionalKeys<T>>]: T[K] } & { [K in OptionalKeys<T>]?: T[K] | undefined };

/** Query fields and body fields of an operation, in one object. */
export type Params<O> = Lax<QueryOf<O>> & Lax<BodyOf<O>>;

/** `[params?, options?]`, with params required when a field of it is. */
export type Args<O> = {} extends Params<O> ? [params?: Params<O>, options?: RequestOptions] : [params: Params<O>, options?: RequestOptions];

/** For a JSON body that is not an object (e.g. an array): `[body, options?]`. */
export type BodyArgs<O> = [body: BodyOf<O>, options?: RequestOptions];

/** The params of a paginated list without `page` (the iterator sets it; a given `page` is the first one). */
export type PageArgs<O> =
  {} extends Params<O> ? [params?: Params<O>, options?: RequestOptions] : [params: Params<O>, options?: RequestOptions];

/** The type of a path parameter. */
export type PathParam<O, K extends string> = O extends { parameters: { path: infer P } } ? (K extends keyof P ? P[K] : string) : string;

/** The JSON data of the success response. */
export type Data<O> = O extends { responses: infer R }
  ? R extends { 200: { content: { "application/json": infer D } } }
    ? D
    : R extends { 201: { content: { "application/json": infer D } } }
      ? D
      : undefined
  : unknown;

/** One item of a paginated envelope's array property K. */
export type Item<O, K extends string> = K extends keyof Data<O>
  ? NonNullable<Data<O>[K]> extends readonly (infer I)[]
    ? I
    : never
  : never;
