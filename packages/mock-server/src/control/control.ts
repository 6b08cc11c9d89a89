// Everything a test controls besides the spec: accounts, the daily quota, the clock and injected
// faults, assembled once per mock and reached through the handle and the admin surface.
import type { Operation } from "openapi-backend";
import type { Behaviour } from "../handler.js";
import { unauthorized } from "../auth.js";
import type { MockAnswer } from "../errors.js";
import type { MockData } from "../state/data.js";
import { createAccountBook, type MockAccount } from "./accounts.js";
import { createClock, type MockClock, type TimeInput } from "./clock.js";
import { createFaultInjector, type FaultInjector, type FaultState } from "./faults.js";
import { createQuotaMeter, type QuotaMeter, type QuotaState } from "./quota.js";
import { seededRandom } from "./random.js";

export interface ControlOptions {
  /** Accepted credentials; `undefined` accepts any non-empty email and key. */
  accounts?: readonly MockAccount[] | undefined;
  /** Requests per account and UTC day before the quota 403; `undefined`: no quota. */
  quota?: number | undefined;
  /** Start time of the mock clock; default the real time. */
  now?: TimeInput | undefined;
  /** Seed of the mock's own random decisions. */
  seed?: number | undefined;
}

/** The state of the controls, as `snapshot()` and `GET /__admin/snapshot` report it (no API keys). */
export interface ControlSnapshot {
  now: string;
  /** The stored account data (stateful mode); loadable again as the `data` option. */
  data?: MockData;
  accounts: string[] | "any";
  quota: QuotaState;
  faults: FaultState | null;
}

export interface MockControl {
  readonly clock: MockClock;
  readonly quota: Pick<QuotaMeter, "limit" | "used" | "resetsAt">;
  readonly faults: Pick<FaultInjector, "inject" | "clear" | "state">;
  /** Clears the quota counts and the faults, and puts the data back to the seed (the clock keeps its time). */
  reset(): void;
  snapshot(): ControlSnapshot;
}

/** The documented answer for a status and named example of an operation (from answer.ts). */
export type Documented = (op: Operation, status: number, example: string) => MockAnswer;

export interface ControlParts extends MockControl {
  faultInjector: FaultInjector;
  /** The auth and quota stages of the pipeline. */
  behaviour(documented: Documented): Pick<Behaviour, "authorize" | "admit">;
}

export const QUOTA_EXAMPLE = "dailyQuotaExceeded";

export function createControl(options: ControlOptions = {}): ControlParts {
  const clock = createClock(options.now);
  const book = createAccountBook(options.accounts);
  const meter = createQuotaMeter(options.quota, clock);
  const faults = createFaultInjector(seededRandom(options.seed ?? 1));
  return {
    clock,
    quota: { limit: meter.limit, used: (email) => meter.used(email), resetsAt: () => meter.resetsAt() },
    faults: { inject: (o) => faults.inject(o), clear: () => faults.clear(), state: () => faults.state() },
    faultInjector: faults,
    reset() {
      meter.reset();
      faults.clear();
    },
    snapshot() {
      return {
        now: clock.now().toISOString(),
        accounts: book.accounts ? book.accounts.map((a) => a.email) : "any",
        quota: meter.state(),
        faults: faults.state() ?? null,
      };
    },
    behaviour(documented) {
      return {
        // The message never repeats the credentials: a key must not end up in a log.
        authorize: (credentials) => (book.find(credentials) ? undefined : unauthorized("Invalid email or API key.")),
        admit(op, credentials) {
          if (!credentials || meter.admit(credentials.email)) return undefined;
          const answer = documented(op, 403, QUOTA_EXAMPLE);
          if (answer.status === 403) return answer;
          return { status: 403, body: { code: 403001, message: "The number of API requests has exceeded the daily limit." } };
        },
      };
    },
  };
}
