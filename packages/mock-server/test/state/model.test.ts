// Model-based test (fast-check `fc.commands`): long random sessions of writes and reads against the
// stateful mock. Every answer must validate against the spec's schema for its operation and
// status, and agree with a small model of departments, agents and canned messages: what was
// created is returned, what was deleted is 404, department names and agent emails stay unique,
// members and agent departments agree (deleting an agent included), paging yields each chat once.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockServer, type MockServer } from "../../src/index.js";
import { callChecked, checked } from "./checked-call.js";

let mock: MockServer;
const op = (operationId: string, path: Record<string, string | number> = {}, body?: Record<string, unknown>, query = "") =>
  callChecked(mock, operationId, path, body, query);

interface Model {
  departments: Map<number, { name: string; members: number[] }>;
  agents: Map<number, string>;
  deleted: Set<number>;
  canned: Map<number, { name: string; message: string; categoryId: number }>;
  categories: number[];
  deletedCanned: Set<number>;
}
type Real = Record<string, never>;
type Cmd = fc.AsyncCommand<Model, Real>;
const sorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);
const nameTaken = (m: Model, name: string, except?: number) =>
  [...m.departments].some(([id, d]) => id !== except && d.name.toLowerCase() === name.toLowerCase());
const NAMES = ["Sales", "sales", "Support", "EMEA", "Billing", "Night", "night", "VIP", "Returns"];
const pickId = (m: Model, i: number) => [...m.departments.keys()][i % Math.max(1, m.departments.size)];
const agentIds = (m: Model, picks: number[]) => (m.agents.size ? sorted(picks.map((i) => [...m.agents.keys()][i % m.agents.size]!)) : []);

class CreateDepartment implements Cmd {
  constructor(
    readonly name: string,
    readonly members: number[],
  ) {}
  check = () => true;
  async run(m: Model) {
    const members = agentIds(m, this.members);
    const res = await op("createDepartment", {}, { name: this.name, members });
    if (nameTaken(m, this.name)) {
      expect(res.status).toBe(400);
      return;
    }
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: this.name, members });
    expect(m.departments.has(res.json.id) || m.deleted.has(res.json.id)).toBe(false);
    m.departments.set(res.json.id, { name: this.name, members });
  }
  toString = () => `create(${this.name}, [${this.members}])`;
}

class UpdateDepartment implements Cmd {
  constructor(
    readonly pick: number,
    readonly name: string | undefined,
    readonly members: number[] | undefined,
  ) {}
  check = (m: Readonly<Model>) => m.departments.size > 0;
  async run(m: Model) {
    const id = pickId(m, this.pick)!;
    const members = this.members && agentIds(m, this.members);
    const res = await op("updateDepartment", { id }, { ...(this.name !== undefined && { name: this.name }), ...(members && { members }) });
    // No field at all is an empty body, which the spec's required request body refuses.
    if ((this.name !== undefined && nameTaken(m, this.name, id)) || (this.name === undefined && !members)) {
      expect(res.status).toBe(400);
      return;
    }
    expect(res.status).toBe(200);
    const d = m.departments.get(id)!;
    if (this.name !== undefined) d.name = this.name;
    if (members) d.members = members;
    expect(res.json).toMatchObject({ id, name: d.name, members: d.members });
  }
  toString = () => `update(#${this.pick}, ${this.name}, [${this.members}])`;
}

class DeleteDepartment implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.departments.size > 0;
  async run(m: Model) {
    const id = pickId(m, this.pick)!;
    expect((await op("deleteDepartment", { id })).status).toBe(200);
    m.departments.delete(id);
    m.deleted.add(id);
    expect((await op("getDepartment", { id })).status).toBe(404);
  }
  toString = () => `delete(#${this.pick})`;
}

class GetDeleted implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.deleted.size > 0;
  async run(m: Model) {
    const id = [...m.deleted][this.pick % m.deleted.size]!;
    const res = await op("updateDepartment", { id }, { name: "Ghost" });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe(404000);
  }
  toString = () => `getDeleted(#${this.pick})`;
}

class CreateAgent implements Cmd {
  constructor(
    readonly who: number,
    readonly picks: number[],
  ) {}
  check = () => true;
  async run(m: Model) {
    const email = `Pool${this.who}@example.com`;
    const ids = m.departments.size ? sorted(this.picks.map((i) => pickId(m, i)!)) : [];
    const res = await op(
      "createAgent",
      {},
      { email, password: "pw-1", display_name: `P ${this.who}`, first_name: "P", last_name: String(this.who), departments: ids },
    );
    if ([...m.agents.values()].some((e) => e.toLowerCase() === email.toLowerCase())) {
      expect(res.status).toBe(400);
      return;
    }
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ email, departments: ids });
    expect(m.agents.has(res.json.id)).toBe(false);
    m.agents.set(res.json.id, email);
    for (const id of ids) m.departments.get(id)!.members = sorted([...m.departments.get(id)!.members, res.json.id]);
  }
  toString = () => `createAgent(${this.who}, [${this.picks}])`;
}

class DeleteAgent implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.agents.size > 0;
  async run(m: Model) {
    const id = [...m.agents.keys()][this.pick % m.agents.size]!;
    const email = m.agents.get(id)!;
    expect((await op("deleteAgent", { email })).status).toBe(200);
    m.agents.delete(id);
    for (const d of m.departments.values()) d.members = d.members.filter((x) => x !== id);
    expect((await op("getAgent", { email })).status).toBe(404);
  }
  toString = () => `deleteAgent(#${this.pick})`;
}

class CreateCanned implements Cmd {
  constructor(
    readonly name: string,
    readonly category: number,
  ) {}
  check = () => true;
  async run(m: Model) {
    const categoryId = this.category === 0 ? 0 : m.categories[this.category % m.categories.length]!;
    const res = await op("createCannedMessage", {}, { name: this.name, message: `${this.name}!`, categoryId });
    expect(res.status).toBe(200);
    expect(m.canned.has(res.json.id) || m.deletedCanned.has(res.json.id)).toBe(false);
    m.canned.set(res.json.id, { name: this.name, message: `${this.name}!`, categoryId });
  }
  toString = () => `createCanned(${this.name}, ${this.category})`;
}

class UpdateOrDeleteCanned implements Cmd {
  constructor(
    readonly pick: number,
    readonly remove: boolean,
    readonly message: string,
  ) {}
  check = (m: Readonly<Model>) => m.canned.size > 0;
  async run(m: Model) {
    const id = [...m.canned.keys()][this.pick % m.canned.size]!;
    if (this.remove) {
      expect((await op("deleteCannedMessage", { id })).status).toBe(200);
      m.canned.delete(id);
      m.deletedCanned.add(id);
      expect((await op("getCannedMessage", { id })).status).toBe(404);
      expect((await op("updateCannedMessage", { id }, { message: "again" })).status).toBe(404);
      return;
    }
    const res = await op("updateCannedMessage", { id }, { message: this.message });
    expect(res.status).toBe(200);
    m.canned.get(id)!.message = this.message;
    expect(res.json).toMatchObject({ id, ...m.canned.get(id) });
  }
  toString = () => `${this.remove ? "delete" : "update"}Canned(#${this.pick})`;
}

class CheckCanned implements Cmd {
  check = () => true;
  async run(m: Model) {
    const list = (await op("listCannedMessages")).json as Array<{ id: number; name: string; message: string; categoryId: number }>;
    expect(new Map(list.map((c) => [c.id, { name: c.name, message: c.message, categoryId: c.categoryId }]))).toEqual(m.canned);
    for (const cat of m.categories) {
      const inCat = (await op("listCannedMessageCategoryMessages", { id: cat })).json as Array<{ id: number }>;
      expect(inCat.map((c) => c.id)).toEqual([...m.canned].filter(([, c]) => c.categoryId === cat).map(([id]) => id));
    }
  }
  toString = () => "checkCanned";
}

class SetAgentDepartments implements Cmd {
  constructor(
    readonly agent: number,
    readonly picks: number[],
  ) {}
  check = (m: Readonly<Model>) => m.departments.size > 0 && m.agents.size > 0;
  async run(m: Model) {
    const agentId = [...m.agents.keys()][this.agent % m.agents.size]!;
    const ids = sorted(this.picks.map((i) => pickId(m, i)!));
    const res = await op("updateAgent", { email: m.agents.get(agentId)! }, { departments: ids });
    expect(res.status).toBe(200);
    expect(res.json.departments).toEqual(ids);
    for (const [id, d] of m.departments) {
      const without = d.members.filter((x) => x !== agentId);
      d.members = ids.includes(id) ? sorted([...without, agentId]) : without;
    }
  }
  toString = () => `agentDepartments(${this.agent}, [${this.picks}])`;
}

/** Reads everything back: the lists agree with the model and with each other. */
class CheckLists implements Cmd {
  check = () => true;
  async run(m: Model) {
    const departments = (await op("listDepartments")).json as Array<{ id: number; name: string; members: number[] }>;
    expect(new Map(departments.map((d) => [d.id, { name: d.name, members: d.members }]))).toEqual(m.departments);
    const names = departments.map((d) => d.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    const agents = (await op("listAgents")).json as Array<{ id: number; departments: number[] }>;
    for (const a of agents) {
      expect(a.departments).toEqual(departments.filter((d) => d.members.includes(a.id)).map((d) => d.id));
    }
  }
  toString = () => "checkLists";
}

class PageChats implements Cmd {
  constructor(
    readonly fromDay: number,
    readonly days: number,
  ) {}
  check = () => true;
  async run() {
    const day = (n: number) => new Date(Date.UTC(2026, 8, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const q = `?date_from=${day(this.fromDay)}&date_to=${day(this.fromDay + this.days)}`;
    const first = (await op("listChats", {}, undefined, `${q}&page=1`)).json;
    const ids = first.chats.map((c: { id: string }) => c.id);
    for (let p = 2; p <= first.pages; p++)
      ids.push(...(await op("listChats", {}, undefined, `${q}&page=${p}`)).json.chats.map((c: { id: string }) => c.id));
    expect(ids.length).toBe(first.total);
    expect(new Set(ids).size).toBe(first.total);
  }
  toString = () => `pageChats(${this.fromDay}, ${this.days})`;
}

const commands = [
  fc.tuple(fc.constantFrom(...NAMES), fc.array(fc.nat(), { maxLength: 4 })).map(([n, ms]) => new CreateDepartment(n, ms)),
  fc
    .tuple(
      fc.nat(),
      fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
      fc.option(fc.array(fc.nat(), { maxLength: 4 }), { nil: undefined }),
    )
    .map(([p, n, ms]) => new UpdateDepartment(p, n, ms)),
  fc.nat().map((p) => new DeleteDepartment(p)),
  fc.nat().map((p) => new GetDeleted(p)),
  fc.tuple(fc.nat(), fc.array(fc.nat(), { maxLength: 3 })).map(([a, ps]) => new SetAgentDepartments(a, ps)),
  fc.constant(new CheckLists()),
  fc.tuple(fc.nat({ max: 80 }), fc.nat({ max: 20 })).map(([f, d]) => new PageChats(f, d)),
  fc.tuple(fc.nat({ max: 5 }), fc.array(fc.nat(), { maxLength: 2 })).map(([w, ps]) => new CreateAgent(w, ps)),
  fc.nat().map((p) => new DeleteAgent(p)),
  fc.tuple(fc.constantFrom("Hello", "Bye", "Price"), fc.nat({ max: 4 })).map(([n, cat]) => new CreateCanned(n, cat)),
  fc.tuple(fc.nat(), fc.boolean(), fc.constantFrom("Hi there", "See you")).map(([p, r, msg]) => new UpdateOrDeleteCanned(p, r, msg)),
  fc.constant(new CheckCanned()),
];

beforeAll(async () => {
  mock = await createMockServer({ now: "2026-12-02T10:00:00Z", pageSize: 5 });
});
afterAll(() => mock.close());

describe("a long random session against the stateful mock", () => {
  it("every answer is valid against the spec and agrees with the model", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 150, size: "max" }), async (cmds) => {
        mock.reset();
        const data = mock.snapshot().data!;
        const model: Model = {
          departments: new Map(data.departments.map((d) => [d.id, { name: d.name, members: d.members! }])),
          agents: new Map(data.agents.map((a) => [a.id, a.email])),
          deleted: new Set(),
          canned: new Map(data.cannedMessages.map((c) => [c.id, { name: c.name, message: c.message, categoryId: c.categoryId ?? 0 }])),
          categories: data.cannedMessageCategories.map((c) => c.id),
          deletedCanned: new Set(),
        };
        await fc.asyncModelRun(() => ({ model, real: {} }), [...cmds, new CheckLists(), new CheckCanned()]);
      }),
      // 6 sessions of up to 150 commands (about 700 answers): every command kind runs many times
      { numRuns: 6, seed: 20_261_202 },
    );
    console.log(`model-based session: ${checked.answers} answers validated against the spec`);
    expect(checked.answers).toBeGreaterThan(500);
  });
});
