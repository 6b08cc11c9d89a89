// Departments: names unique in the account (case-insensitive); members kept in step with the
// agents' department lists; deleting one deletes its chats and offline messages, as documented.
import type { DepartmentRecord } from "./data.js";
import type { ResourceHandler } from "./resource.js";
import { badField, notFound, ok, type Store } from "./store.js";

const findDepartment = (store: Store, id: unknown) => store.data.departments.find((d) => d.id === id);

function nameTaken(store: Store, name: string, except?: DepartmentRecord): boolean {
  const key = name.trim().toLowerCase();
  return store.data.departments.some((d) => d !== except && d.name.trim().toLowerCase() === key);
}

function checkMembers(store: Store, ids: unknown): string | undefined {
  if (ids === undefined) return undefined;
  const missing = (ids as number[]).find((id) => !store.data.agents.some((a) => a.id === id));
  return missing === undefined ? undefined : `names agent ${missing}, which does not exist.`;
}

/** Chats, offline messages and visitors name their department; a rename follows. */
function renameEverywhere(store: Store, from: string, to: string): void {
  for (const list of [store.data.chats, store.data.offlineMessages, store.data.visitors]) {
    for (const r of list) if (r.department === from) r.department = to;
  }
}

export const departmentHandlers: Record<string, ResourceHandler> = {
  listDepartments: (_req, { store }) => ok(store.data.departments),
  getDepartment: (req, { store }) => {
    const d = findDepartment(store, req.params.id);
    return d ? ok(d) : notFound("Department", req.params.id);
  },
  createDepartment: (req, { store }) => {
    const body = req.body as { name: string; description?: string; members?: number[] };
    if (body.name.trim() === "") return badField("name", "must not be empty.");
    if (nameTaken(store, body.name)) return badField("name", `must be unique: a department named '${body.name}' already exists.`);
    const problem = checkMembers(store, body.members);
    if (problem) return badField("members", problem);
    const d: DepartmentRecord = {
      id: store.nextId("departments"),
      name: body.name,
      description: body.description ?? "",
      members: [],
      status: 0,
    };
    store.data.departments.push(d);
    store.setDepartmentMembers(d, body.members ?? []);
    return ok(d);
  },
  updateDepartment: (req, { store }) => {
    const d = findDepartment(store, req.params.id);
    if (!d) return notFound("Department", req.params.id);
    const body = req.body as { name?: string; description?: string; members?: number[] };
    if (body.name !== undefined) {
      if (body.name.trim() === "") return badField("name", "must not be empty.");
      if (nameTaken(store, body.name, d)) return badField("name", `must be unique: a department named '${body.name}' already exists.`);
    }
    const problem = checkMembers(store, body.members);
    if (problem) return badField("members", problem);
    if (body.name !== undefined && body.name !== d.name) {
      renameEverywhere(store, d.name, body.name);
      d.name = body.name;
    }
    if (body.description !== undefined) d.description = body.description;
    if (body.members !== undefined) store.setDepartmentMembers(d, body.members);
    return ok(d);
  },
  deleteDepartment: (req, { store }) => {
    const d = findDepartment(store, req.params.id);
    if (!d) return notFound("Department", req.params.id);
    store.setDepartmentMembers(d, []);
    store.data.departments = store.data.departments.filter((x) => x !== d);
    store.data.chats = store.data.chats.filter((c) => c.department !== d.name);
    store.data.offlineMessages = store.data.offlineMessages.filter((m) => m.department !== d.name);
    // The documented confirmation, typo included ("Deparement"), as the real API sends it.
    return ok({ result: `Deparement '${d.id}' has been removed.` });
  },
};
