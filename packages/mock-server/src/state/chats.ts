// Chats and offline messages: filtered and paged lists, and one by id.
import type { ResourceHandler } from "./resource.js";
import { paginate, selectChats, selectOfflineMessages, type ListQuery } from "./query.js";
import { notFound, ok } from "./store.js";

const sameId = (a: string, b: unknown) => a.toLowerCase() === String(b).toLowerCase();

export const chatHandlers: Record<string, ResourceHandler> = {
  listChats: (req, { store, now, pageSize }) => {
    const q = req.query as ListQuery;
    const { items, pages, total } = paginate(selectChats(store, q, now()), q.page, pageSize);
    return ok({ chats: items, pages, total });
  },
  getChat: (req, { store }) => {
    const chat = store.data.chats.find((c) => sameId(c.id, req.params.id));
    return chat ? ok(chat) : notFound("Chat", req.params.id);
  },
  listOfflineMessages: (req, { store, now, pageSize }) => {
    const q = req.query as ListQuery;
    const { items, pages, total } = paginate(selectOfflineMessages(store, q, now()), q.page, pageSize);
    return ok({ offline_messages: items, pages, total });
  },
  getOfflineMessage: (req, { store }) => {
    const m = store.data.offlineMessages.find((x) => sameId(x.id, req.params.id));
    return m ? ok(m) : notFound("Offline message", req.params.id);
  },
};
