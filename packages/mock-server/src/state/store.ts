// The in-memory account: the data, the next ids, and the one place relations are kept in step
// (department members <-> agent departments, department names on chats and messages).
import { errorAnswer, type MockAnswer } from "../errors.js";
import type { Random } from "../control/random.js";
import { COLLECTIONS, type AgentRecord, type DepartmentRecord, type MockData } from "./data.js";

export type NumericCollection = "agents" | "departments" | "cannedMessages" | "cannedMessageCategories" | "campaigns";

export interface Store {
  data: MockData;
  /** Replaces the data (reset, load) and recomputes the id counters. */
  replace(data: MockData): void;
  nextId(collection: NumericCollection): number;
  /** A fresh 32-hex-digit API key (drawn from the mock's seed). */
  newApiKey(): string;
  /** Makes `agent` a member of exactly `departmentIds` (both sides updated). */
  setAgentDepartments(agent: AgentRecord, departmentIds: number[]): void;
  /** Makes exactly `memberIds` the members of `department` (both sides updated). */
  setDepartmentMembers(department: DepartmentRecord, memberIds: number[]): void;
}

const unique = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

export function cloneData(data: MockData): MockData {
  return structuredClone(data);
}

export function createStore(initial: MockData, random: Random): Store {
  const next: Record<NumericCollection, number> = {
    agents: 1,
    departments: 1,
    cannedMessages: 1,
    cannedMessageCategories: 1,
    campaigns: 1,
  };
  const store: Store = {
    data: initial,
    replace(data) {
      store.data = data;
      for (const c of Object.keys(next) as NumericCollection[]) {
        next[c] = 1 + store.data[c].reduce((max, r) => Math.max(max, r.id), 0);
      }
    },
    nextId(collection) {
      return next[collection]++;
    },
    newApiKey() {
      let key = "";
      for (let i = 0; i < 32; i++) key += Math.floor(random() * 16).toString(16);
      return key;
    },
    setAgentDepartments(agent, departmentIds) {
      const ids = unique(departmentIds);
      agent.departments = ids;
      for (const d of store.data.departments) {
        const members = (d.members ?? []).filter((m) => m !== agent.id);
        d.members = ids.includes(d.id) ? unique([...members, agent.id]) : members;
      }
    },
    setDepartmentMembers(department, memberIds) {
      const ids = unique(memberIds);
      department.members = ids;
      for (const a of store.data.agents) {
        const depts = (a.departments ?? []).filter((d) => d !== department.id);
        a.departments = ids.includes(a.id) ? unique([...depts, department.id]) : depts;
      }
    },
  };
  store.replace(initial);
  return store;
}

/** Both directions of membership made to agree: a link on either side counts. */
export function linkMemberships(data: MockData): void {
  const agents = new Map(data.agents.map((a) => [a.id, a]));
  const departments = new Map(data.departments.map((d) => [d.id, d]));
  for (const d of data.departments) d.members = unique((d.members ?? []).filter((m) => agents.has(m)));
  for (const a of data.agents) {
    a.departments = unique((a.departments ?? []).filter((id) => departments.has(id)));
    for (const id of a.departments) departments.get(id)!.members = unique([...departments.get(id)!.members!, a.id]);
  }
  for (const d of data.departments) for (const m of d.members!) agents.get(m)!.departments = unique([...agents.get(m)!.departments!, d.id]);
}

/** An empty account: every collection present. */
export function emptyData(): MockData {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, []])) as unknown as MockData;
}

/** 404 with the Comm100 body, phrased like the spec's examples: `Department '1' was not found.` */
export const notFound = (kind: string, id: unknown): MockAnswer => errorAnswer(404, `${kind} '${String(id)}' was not found.`);

/** 400 naming the field, like a validation error. */
export const badField = (field: string, problem: string): MockAnswer => errorAnswer(400, `Parameter '${field}' ${problem}`);

export const ok = (body: unknown): MockAnswer => ({ status: 200, body });

/** Copies the fields of `body` that `allowed` names and that were sent. */
export function pick<T extends object>(body: unknown, allowed: readonly string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  const src = (body ?? {}) as Record<string, unknown>;
  for (const k of allowed) if (src[k] !== undefined) out[k] = src[k];
  return out as Partial<T>;
}
