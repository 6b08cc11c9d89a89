// The list filters of chats and offline messages, and pagination over the stored data: pages and
// total are computed from what matched, so paging yields every item exactly once.
import { secondsOf, type ChatRecord, type OfflineMessageRecord } from "./data.js";
import type { Store } from "./store.js";

const DAY = 86_400;

/** `2013-6-27` (the spec's pattern, month and day unpadded or not) -> 00:00 UTC, epoch seconds. */
export function dayStart(text: string): number {
  const [y, m, d] = text.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!) / 1000;
}

export interface ListQuery {
  date_from?: string;
  date_to?: string;
  keyword?: string;
  department?: number;
  operator?: number;
  rating?: number;
  page?: number;
}

/** Strings of a record (and of its operators), lower-cased, for the keyword filter. */
function text(record: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const v of Object.values(record)) {
    if (typeof v === "string") parts.push(v);
    else if (Array.isArray(v))
      for (const x of v) if (x && typeof x === "object") for (const y of Object.values(x)) if (typeof y === "string") parts.push(y);
  }
  return parts.join("\n").toLowerCase();
}

/** The day range of the query in epoch seconds, [from, to): without dates, today (mock clock). */
function range(q: ListQuery, now: Date): [number, number] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) / 1000;
  const from = q.date_from ? dayStart(q.date_from) : today;
  const to = (q.date_to ? dayStart(q.date_to) : today) + DAY;
  return [from, to];
}

function matches<T extends Record<string, unknown>>(store: Store, q: ListQuery, now: Date, time: (r: T) => string | undefined) {
  const [from, to] = range(q, now);
  const keyword = q.keyword?.trim().toLowerCase();
  const department = q.department ? store.data.departments.find((d) => d.id === q.department) : undefined;
  return (r: T) => {
    const t = secondsOf(time(r));
    if (t === undefined || t < from || t >= to) return false;
    if (q.department && (!department || r.department !== department.name)) return false;
    if (keyword && !text(r).includes(keyword)) return false;
    return true;
  };
}

function chatHasOperator(chat: ChatRecord, agentId: number, store: Store): boolean {
  if (Array.isArray(chat.operators)) return chat.operators.some((o) => o.id === agentId);
  const agent = store.data.agents.find((a) => a.id === agentId);
  return (
    !!agent &&
    typeof chat.operators === "string" &&
    chat.operators.toLowerCase().includes(String(agent.display_name ?? agent.email).toLowerCase())
  );
}

export function selectChats(store: Store, q: ListQuery, now: Date): ChatRecord[] {
  const base = matches<ChatRecord>(store, q, now, (c) => c.start_time);
  return store.data.chats.filter(
    (c) => base(c) && (!q.operator || chatHasOperator(c, q.operator, store)) && (!q.rating || c.rating === String(q.rating)),
  );
}

export function selectOfflineMessages(store: Store, q: ListQuery, now: Date): OfflineMessageRecord[] {
  return store.data.offlineMessages.filter(matches<OfflineMessageRecord>(store, q, now, (m) => m.time));
}

export function paginate<T>(items: T[], page: number | undefined, size: number): { items: T[]; pages: number; total: number } {
  const p = page ?? 1;
  return { items: items.slice((p - 1) * size, p * size), pages: Math.ceil(items.length / size), total: items.length };
}
