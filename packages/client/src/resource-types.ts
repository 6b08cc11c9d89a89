// Type helpers for the generated resource style (src/generated/resources.ts).
import type { paths } from "@comm100-sdk/types";
import type { Client, ClientPathsWithMethod, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { DateField } from "./generated/meta.js";
import type { RESPONSE_DATES } from "./generated/response-dates.js";
import type { Comm100Dates, RetryOptions } from "./options.js";

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

type ResponseDates = typeof RESPONSE_DATES;
/** The "METHOD path" of the operations whose answers carry dates. */
export type DatedOperation = keyof ResponseDates;

/**
 * `T` with the date fields of the shape `S` (see src/generated/response-dates.ts) typed `R`:
 * `1` a date field, `[s]` an array of items of shape `s`, `{ key: s }` the fields of an object.
 * Optional fields stay optional.
 */
export type Revive<T, S, R> = S extends 1
  ? Exclude<T, string> | R
  : S extends readonly [infer I]
    ? T extends readonly (infer E)[]
      ? Revive<E, I, R>[]
      : T
    : T extends object
      ? { [K in keyof T]: K extends keyof S ? Revive<T[K], S[K], R> : T[K] }
      : T;

/** What a date field is in the `dates` mode `D`: `Date` for `"date"`, `string` for `"string"`. */
export type DateOf<D extends Comm100Dates> = [D] extends ["date"] ? Date : [D] extends ["string"] ? string : string | Date;

/** `T` (with date shape `S`) as the `dates` mode `D` answers it. */
export type Dated<T, S, D extends Comm100Dates> = [D] extends ["string"] ? T : Revive<T, S, DateOf<D>>;

/** The data of a dated operation `K` in the `dates` mode `D`. */
export type DatedData<O, D extends Comm100Dates, K extends DatedOperation> = Dated<Data<O>, ResponseDates[K], D>;

type ItemShape<S, I extends string> = I extends keyof S ? (S[I] extends readonly [infer X] ? X : never) : never;

/** One item (array property `I`) of a dated paginated operation `K` in the `dates` mode `D`. */
export type DatedItem<O, I extends string, D extends Comm100Dates, K extends DatedOperation> = Dated<
  Item<O, I>,
  ItemShape<ResponseDates[K], I>,
  D
>;

/** The `{ data }` of an openapi-fetch answer of operation `K` as the `dates` mode `D` answers it. */
type DatedFetchResponse<T, K extends string, D extends Comm100Dates> = [D] extends ["string"]
  ? T
  : K extends DatedOperation
    ? T extends { data: infer X }
      ? Omit<T, "data"> & { data: Revive<X, ResponseDates[K], DateOf<D>> }
      : T
    : T;

type RequiredKeys<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T];
/**
 * openapi-fetch's init argument: optional when none of its fields is required. The same test as
 * openapi-fetch's, so that its methods and these assign to each other.
 */
type InitArg<Init> = (RequiredKeys<Init> extends undefined ? never : RequiredKeys<Init>) extends never
  ? [(Init & { [key: string]: unknown })?]
  : [Init & { [key: string]: unknown }];

/**
 * A method of the request style (`GET`...) in the `dates` mode `D`: openapi-fetch's own signature,
 * with the answer's date fields revived after openapi-fetch's `Readable` (which would turn a
 * `Date` into a bag of its methods).
 */
export type DatedMethod<M extends "get" | "put" | "post" | "delete", D extends Comm100Dates> = <
  P extends ClientPathsWithMethod<Client<paths>, M>,
  Init extends MaybeOptionalInit<paths[P], M>,
>(
  url: P,
  ...init: InitArg<Init>
) => Promise<
  DatedFetchResponse<
    FetchResponse<Extract<paths[P][M], Record<string | number, any>>, Init, `${string}/${string}`>,
    `${Uppercase<M>} ${P}`,
    D
  >
>;
