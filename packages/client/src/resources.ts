// The resource style: `comm100.agents.list(params?, options?)` and so on, one method per row of
// the generated operation table, each sending through the request pipeline (src/request.ts).
import { OPERATIONS, type Operation } from "./generated/operations.js";
import type { Comm100Resources } from "./generated/resources.js";
import { itemsOf, pagesOf } from "./pagination.js";
import { requestOp, type Send } from "./request.js";
import { Comm100Promise } from "./response-promise.js";
import type { RequestOptions } from "./resource-types.js";
import type { Redact } from "./internal/redact.js";

type Run = (...args: any[]) => Promise<{ data: any; response: Response }>;

/** Adds every namespace of the resource style to `target`. */
export function addResources(target: Record<string, any>, send: Send, redact: Redact): Comm100Resources {
  for (const op of OPERATIONS) {
    const ns = (target[op.ns] ??= {});
    const run = resourceCall(op, send);
    ns[op.name] = (...args: any[]) => new Comm100Promise(run(...args));
    const key = op.itemsKey;
    if (key) {
      const at = op.pathParams?.length ?? 0;
      const pages = (suffix: string, args: any[]) => pagesOf(run, args, at, key, `${op.ns}.${op.name}${suffix}`, redact);
      ns[`${op.name}Pages`] = (...args: any[]) => pages("Pages", args);
      ns[`${op.name}All`] = (...args: any[]) => itemsOf(pages("All", args));
    }
  }
  return target as Comm100Resources;
}

/** The call of one operation: `(...pathParams, params?, options?)`. */
function resourceCall(op: Operation, send: Send): Run {
  const names = op.pathParams ?? [];
  const queryNames = op.queryNames ?? [];
  const label = `${op.ns}.${op.name}`;
  const sendOp = requestOp(op.method, op.path);
  return (...args: any[]) => {
    const path: Record<string, unknown> = {};
    for (const [i, n] of names.entries()) path[n] = args[i];
    const { query, body } = splitParams(op.body, args[names.length], queryNames);
    const { signal, headers, timeoutMs, retry }: RequestOptions = args[names.length + 1] ?? {};
    return send(sendOp, { params: { path, query }, body, signal, headers, timeoutMs, retry }, label) as ReturnType<Run>;
  };
}

/** Without a body every param goes to the query; `raw`: the params are the body; else the query names go to the query. */
function splitParams(kind: Operation["body"], params: any, queryNames: readonly string[]) {
  if (kind === undefined) return { query: params as Record<string, unknown> | undefined, body: undefined };
  if (kind === "raw" || !params) return { query: undefined, body: params as unknown };
  let query: Record<string, unknown> | undefined;
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) (queryNames.includes(k) ? (query ??= {}) : body)[k] = v;
  return { query, body };
}
