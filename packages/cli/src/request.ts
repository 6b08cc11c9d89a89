// Sends one operation of the table through the client's request style, with the path template
// of the spec so that the client encodes the body as the spec says (form, lists comma-joined, JSON).
import type { Comm100Client } from "@comm100-sdk/client";
import type { CommandSpec } from "./command-types.js";

export interface OperationInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  /** Body fields (form/object kinds) or the whole body (raw kind). */
  body?: unknown;
}

export async function send(client: Comm100Client, spec: CommandSpec, input: OperationInput, signal?: AbortSignal): Promise<unknown> {
  const init: Record<string, unknown> = { params: { path: input.path, query: input.query } };
  if (spec.body && input.body !== undefined) init.body = input.body;
  if (signal) init.signal = signal;
  const call = (client as any)[spec.method] as (path: string, init: object) => Promise<{ data: unknown }>;
  const { data } = await call(spec.path, init);
  return data;
}

/** Every item of a paginated list, following `page` until the answer's `pages` (the client's listAll). */
export function sendAll(client: Comm100Client, spec: CommandSpec, input: OperationInput): AsyncIterable<unknown> {
  const ns = (client as any)[spec.namespace];
  const all = ns?.[`${spec.methodName}All`];
  if (typeof all !== "function") throw new Error(`${spec.resource} ${spec.action} has no pagination`);
  const pathValues = spec.args.map((a) => input.path[a.name]);
  return all(...pathValues, input.query) as AsyncIterable<unknown>;
}
