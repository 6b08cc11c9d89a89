// The admin surface, outside the API's base path: reset, snapshot, clock and faults over HTTP, for
// tests in another process (the CLI's, a worker pool's). JSON in, JSON out, no auth: it is a
// local test server.
import { errorAnswer, type MockAnswer } from "./errors.js";
import type { MockControl } from "./control/control.js";
import { decodeUtf8 } from "./parse.js";

export const ADMIN_PREFIX = "/__admin";

/** True for `/__admin` and everything under it. */
export function isAdminPath(path: string): boolean {
  return path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`);
}

const ok = (body: unknown): MockAnswer => ({ status: 200, body });

function readJson(bytes: Buffer): Record<string, unknown> {
  if (bytes.length === 0) return {};
  const value: unknown = JSON.parse(decodeUtf8(bytes));
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TypeError("the body must be a JSON object");
  return value as Record<string, unknown>;
}

function optionalNumber(body: Record<string, unknown>, name: string): number | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== "number") throw new TypeError(`${name} must be a number`);
  return v;
}

type Route = (body: Record<string, unknown>) => MockAnswer;

export function createAdmin(control: MockControl): (method: string, path: string, bytes: Buffer) => MockAnswer {
  const routes: Record<string, Partial<Record<string, Route>>> = {
    reset: {
      POST: () => {
        control.reset();
        return ok(control.snapshot());
      },
    },
    snapshot: { GET: () => ok(control.snapshot()) },
    clock: {
      GET: () => ok({ now: control.clock.now().toISOString() }),
      POST: (body) => {
        const advanceMs = optionalNumber(body, "advanceMs");
        const now = body.now;
        if (now !== undefined && typeof now !== "string" && typeof now !== "number")
          throw new TypeError("now must be an ISO date-time or epoch milliseconds");
        if (now === undefined && advanceMs === undefined) throw new TypeError("send { now } or { advanceMs }");
        if (now !== undefined) control.clock.set(now);
        if (advanceMs !== undefined) control.clock.advance(advanceMs);
        return ok({ now: control.clock.now().toISOString() });
      },
    },
    faults: {
      GET: () => ok({ faults: control.faults.state() ?? null }),
      POST: (body) => {
        const options = {
          count: optionalNumber(body, "count"),
          latencyMs: optionalNumber(body, "latencyMs"),
          errorRate: optionalNumber(body, "errorRate"),
          status: optionalNumber(body, "status"),
        };
        const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
        return ok({ faults: control.faults.inject(defined) });
      },
      DELETE: () => {
        control.faults.clear();
        return ok({ faults: null });
      },
    },
  };
  return (method, path, bytes) => {
    const name = path.slice(ADMIN_PREFIX.length + 1);
    const route = Object.hasOwn(routes, name) ? routes[name]! : undefined;
    if (!route)
      return errorAnswer(
        404,
        `No admin route ${path}; routes: ${Object.keys(routes)
          .map((r) => `${ADMIN_PREFIX}/${r}`)
          .join(", ")}.`,
      );
    const handler = route[method];
    if (!handler)
      return errorAnswer(405, `Method ${method} is not allowed on ${path}; allowed: ${Object.keys(route).join(", ")}.`, {
        allow: Object.keys(route).join(", "),
      });
    try {
      return handler(readJson(bytes));
    } catch (e) {
      return errorAnswer(400, `${path}: ${(e as Error).message}`);
    }
  };
}
