// Canned messages and their categories. A message's category must exist (0: none); deleting a
// category leaves its messages without one (the docs do not say; nothing is lost this way).
import type { CannedMessageCategoryRecord, CannedMessageRecord } from "./data.js";
import type { ResourceHandler } from "./resource.js";
import { badField, notFound, ok, pick, type Store } from "./store.js";

const MESSAGE_FIELDS = ["name", "message", "categoryId", "isPrivate", "shortcuts"] as const;
const CATEGORY_FIELDS = ["name", "parentId", "isPrivate"] as const;

const findMessage = (store: Store, id: unknown) => store.data.cannedMessages.find((m) => m.id === id);
const findCategory = (store: Store, id: unknown) => store.data.cannedMessageCategories.find((c) => c.id === id);
const missingCategory = (store: Store, id: unknown) => id !== undefined && id !== 0 && !findCategory(store, id);

function createMessage(store: Store, fields: Partial<CannedMessageRecord>): CannedMessageRecord {
  const m: CannedMessageRecord = {
    id: store.nextId("cannedMessages"),
    name: "",
    message: "",
    categoryId: 0,
    isPrivate: false,
    shortcuts: "",
    ...fields,
  };
  store.data.cannedMessages.push(m);
  return m;
}

export const cannedHandlers: Record<string, ResourceHandler> = {
  listCannedMessages: (_req, { store }) => ok(store.data.cannedMessages),
  getCannedMessage: (req, { store }) => {
    const m = findMessage(store, req.params.id);
    return m ? ok(m) : notFound("Canned message", req.params.id);
  },
  createCannedMessage: (req, { store }) => {
    const fields = pick<CannedMessageRecord>(req.body, MESSAGE_FIELDS);
    if (missingCategory(store, fields.categoryId))
      return badField("categoryId", `names category ${fields.categoryId}, which does not exist.`);
    return ok(createMessage(store, fields));
  },
  updateCannedMessage: (req, { store }) => {
    const m = findMessage(store, req.params.id);
    if (!m) return notFound("Canned message", req.params.id);
    const fields = pick<CannedMessageRecord>(req.body, MESSAGE_FIELDS);
    if (missingCategory(store, fields.categoryId))
      return badField("categoryId", `names category ${fields.categoryId}, which does not exist.`);
    Object.assign(m, fields);
    return ok(m);
  },
  deleteCannedMessage: (req, { store }) => {
    const m = findMessage(store, req.params.id);
    if (!m) return notFound("Canned message", req.params.id);
    store.data.cannedMessages = store.data.cannedMessages.filter((x) => x !== m);
    return { status: 200 };
  },
  listCannedMessageCategories: (_req, { store }) => ok(store.data.cannedMessageCategories),
  getCannedMessageCategory: (req, { store }) => {
    const c = findCategory(store, req.params.id);
    return c ? ok(c) : notFound("Canned message category", req.params.id);
  },
  createCannedMessageCategory: (req, { store }) => {
    const fields = pick<CannedMessageCategoryRecord>(req.body, CATEGORY_FIELDS);
    if (missingCategory(store, fields.parentId)) return badField("parentId", `names category ${fields.parentId}, which does not exist.`);
    const c: CannedMessageCategoryRecord = {
      id: store.nextId("cannedMessageCategories"),
      name: "",
      parentId: 0,
      isPrivate: false,
      ...fields,
    };
    store.data.cannedMessageCategories.push(c);
    return ok(c);
  },
  updateCannedMessageCategory: (req, { store }) => {
    const c = findCategory(store, req.params.id);
    if (!c) return notFound("Canned message category", req.params.id);
    const fields = pick<CannedMessageCategoryRecord>(req.body, CATEGORY_FIELDS);
    if (fields.parentId === c.id) return badField("parentId", "must not be the category itself.");
    if (missingCategory(store, fields.parentId)) return badField("parentId", `names category ${fields.parentId}, which does not exist.`);
    Object.assign(c, fields);
    return ok(c);
  },
  deleteCannedMessageCategory: (req, { store }) => {
    const c = findCategory(store, req.params.id);
    if (!c) return notFound("Canned message category", req.params.id);
    store.data.cannedMessageCategories = store.data.cannedMessageCategories.filter((x) => x !== c);
    for (const m of store.data.cannedMessages) if (m.categoryId === c.id) m.categoryId = 0;
    for (const child of store.data.cannedMessageCategories) if (child.parentId === c.id) child.parentId = 0;
    return { status: 200 };
  },
  listCannedMessageCategoryMessages: (req, { store }) => {
    const c = findCategory(store, req.params.id);
    if (!c) return notFound("Canned message category", req.params.id);
    return ok(store.data.cannedMessages.filter((m) => m.categoryId === c.id));
  },
  createCannedMessageCategoryMessage: (req, { store }) => {
    const c = findCategory(store, req.params.id);
    if (!c) return notFound("Canned message category", req.params.id);
    return ok(createMessage(store, { ...pick<CannedMessageRecord>(req.body, ["name", "message", "shortcuts"]), categoryId: c.id }));
  },
};
