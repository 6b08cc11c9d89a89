// The stateful mock: the store, its seed or loaded data, and the resource handlers by operation id.
import type { Behaviour } from "../handler.js";
import type { MockClock } from "../control/clock.js";
import { utcDay } from "../control/clock.js";
import { seededRandom } from "../control/random.js";
import type { OpenAPIDocument } from "../spec.js";
import { agentHandlers } from "./agents.js";
import { campaignHandlers } from "./campaigns.js";
import { cannedHandlers } from "./canned.js";
import { chatHandlers } from "./chats.js";
import type { MockData } from "./data.js";
import { departmentHandlers } from "./departments.js";
import { loadData, type DataInput } from "./load.js";
import { reportHandlers } from "./reports.js";
import type { ResourceContext, ResourceHandler } from "./resource.js";
import { seedData } from "./seed.js";
import { cloneData, createStore, type Store } from "./store.js";
import { visitorHandlers } from "./visitors.js";

export const DEFAULT_SEED = 1;
export const DEFAULT_PAGE_SIZE = 10;

export const HANDLERS: Record<string, ResourceHandler> = {
  ...agentHandlers,
  ...departmentHandlers,
  ...visitorHandlers,
  ...chatHandlers,
  ...cannedHandlers,
  ...campaignHandlers,
  ...reportHandlers,
};

export interface StatefulOptions {
  spec: OpenAPIDocument;
  clock: MockClock;
  seed?: number | undefined;
  data?: DataInput | undefined;
  pageSize?: number | undefined;
}

export interface StatefulMock {
  answer: NonNullable<Behaviour["answer"]>;
  /** Back to the seed (or the loaded data), dated from the clock's day. */
  reset(): void;
  snapshot(): MockData;
}

export function createStatefulMock(options: StatefulOptions): StatefulMock {
  const seed = options.seed ?? DEFAULT_SEED;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new TypeError(`pageSize must be a positive integer, got ${pageSize}`);
  const loaded = options.data === undefined ? undefined : loadData(options.spec, options.data);
  // Seeding draws every record from the spec's schemas (about 50 ms); the records depend only on the
  // seed and the clock's UTC day, so a reset on the same day gets a copy of the same records.
  let seeded: { day: number; data: MockData } | undefined;
  const initial = (): MockData => {
    if (loaded) return cloneData(loaded);
    const day = utcDay(options.clock.now()).start.getTime() / 1000;
    if (seeded?.day !== day) seeded = { day, data: seedData(options.spec, seed, day) };
    return cloneData(seeded.data);
  };
  // Seeded on first use: starting a mock (and the CLI printing its URL) stays fast.
  let store: Store | undefined;
  const ready = () => (store ??= createStore(initial(), seededRandom(seed ^ 0x5eed)));
  const ctx = (): ResourceContext => ({ store: ready(), now: () => options.clock.now(), pageSize });
  return {
    answer: (req) => {
      const handler = HANDLERS[req.operationId];
      return handler ? handler(req, ctx()) : undefined;
    },
    reset: () => ready().replace(initial()),
    snapshot: () => cloneData(ready().data),
  };
}
