// Visitors on the site and the custom variables a caller sets on them.
import type { NameValue } from "./data.js";
import type { ResourceHandler } from "./resource.js";
import { notFound, ok } from "./store.js";

/** VisitorStatus `11` is "left the site"; `1` and `2` are in a voice or text chat. */
const LEFT = 11;
const CHATTING = new Set([1, 2]);

export const visitorHandlers: Record<string, ResourceHandler> = {
  listVisitors: (_req, { store }) => ok(store.data.visitors.filter((v) => v.status !== LEFT)),
  listVisitorsChatting: (_req, { store }) => ok(store.data.visitors.filter((v) => CHATTING.has(Number(v.status)))),
  getVisitor: (req, { store }) => {
    const v = store.data.visitors.find((x) => x.id.toLowerCase() === String(req.params.id).toLowerCase());
    return v ? ok(v) : notFound("Visitor", req.params.id);
  },
  updateVisitorCustomVariables: (req, { store }) => {
    const v = store.data.visitors.find((x) => x.id.toLowerCase() === String(req.params.id).toLowerCase());
    if (!v) return notFound("Visitor", req.params.id);
    // A Map, not a search per pair: a 1 MB body holds tens of thousands of pairs.
    const vars = new Map((v.custom_variable ?? []).map((x) => [x.name, x.value]));
    for (const { name, value } of req.body as NameValue[]) vars.set(name, value);
    v.custom_variable = [...vars].map(([name, value]) => ({ name, value }));
    return ok(v);
  },
};
