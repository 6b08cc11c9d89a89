// Reports the docs define as counts over stored records, computed from the store: chat volume
// (chats), offline messages (offline messages) and rating (chats per score). Other reports, and
// groups or filters the records do not carry (campaigns, visitor segments, week distributions),
// keep their documented examples (README: "Which answers come from the data").
import { errorAnswer, type MockAnswer } from "../errors.js";
import { secondsOf, type ChatRecord, type OfflineMessageRecord } from "./data.js";
import type { ResourceHandler } from "./resource.js";
import { ok, type Store } from "./store.js";

/** Most rows one report may have: keeps any request's work bounded. */
export const MAX_REPORT_ROWS = 10_000;
const STEP: Record<string, number> = { hour: 3600, day: 86_400, week: 7 * 86_400 };

/** `+08:00` / `-05:30` -> offset in seconds; undefined when it is not an offset. */
export function offsetSeconds(tz: string): number | undefined {
  if (tz.length !== 6 || (tz[0] !== "+" && tz[0] !== "-") || tz[3] !== ":") return undefined;
  const h = Number(tz.slice(1, 3));
  const m = Number(tz.slice(4, 6));
  if (!Number.isInteger(h) || !Number.isInteger(m) || h > 14 || m > 59) return undefined;
  return (tz[0] === "-" ? -1 : 1) * (h * 3600 + m * 60);
}

/** `yyyy-MM-ddTHH:mm:ss` in the report time zone <-> epoch seconds. */
const parseLocal = (text: string, offset: number) => Date.parse(`${text}Z`) / 1000 - offset;
const formatLocal = (seconds: number, offset: number) => new Date((seconds + offset) * 1000).toISOString().slice(0, 19);

/** Slot boundaries from `from` to `to` (epoch seconds); months follow the calendar of the time zone. */
function slots(from: number, to: number, group: string, offset: number): number[] | undefined {
  const bounds = [from];
  for (let t = from; t < to; ) {
    if (bounds.length > MAX_REPORT_ROWS) return undefined;
    if (group === "month") {
      const local = new Date((t + offset) * 1000);
      t = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) / 1000 - offset;
    } else t += STEP[group]!;
    bounds.push(Math.min(t, to));
  }
  return bounds;
}

/** Index of the slot holding `t` (binary search over the boundaries). */
function slotOf(bounds: number[], t: number): number {
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** One row per item of an item group (`department`, `agent`): its id field and its records. */
type ItemGroup<T> = (store: Store) => Array<{ key: Record<string, number>; has: (r: T) => boolean }>;

interface CountReport<T> {
  /** The records, narrowed by the filter; undefined when the filter is not modelled. */
  records(store: Store, filterName: unknown, filterValue: unknown): T[] | undefined;
  time(r: T): string | undefined;
  items: Record<string, ItemGroup<T>>;
  /** The row's figures for its records. */
  counts(rs: T[]): Record<string, number>;
}

const byDepartment =
  <T extends { department?: string }>(): ItemGroup<T> =>
  (store) =>
    store.data.departments.map((d) => ({ key: { departmentId: d.id }, has: (r: T) => r.department === d.name }));

const servedBy = (chat: ChatRecord, agentId: number) => Array.isArray(chat.operators) && chat.operators.some((o) => o.id === agentId);

function departmentRecords<T extends { department?: string }>(all: T[], store: Store, filterValue: unknown): T[] {
  const d = store.data.departments.find((x) => String(x.id) === String(filterValue));
  return d ? all.filter((r) => r.department === d.name) : [];
}

const CHAT_VOLUME: CountReport<ChatRecord> = {
  records: (store, name, value) =>
    name === undefined ? store.data.chats : name === "department" ? departmentRecords(store.data.chats, store, value) : undefined,
  time: (c) => c.start_time,
  items: { department: byDepartment<ChatRecord>() },
  // Every stored chat was answered: no missed or refused requests in the seed.
  counts: (rs) => ({ chatRequests: rs.length, chats: rs.length, missedChats: 0, refusedChats: 0 }),
};

const OFFLINE_MESSAGES: CountReport<OfflineMessageRecord> = {
  records: (store, name, value) =>
    name === undefined
      ? store.data.offlineMessages
      : name === "department"
        ? departmentRecords(store.data.offlineMessages, store, value)
        : undefined,
  time: (m) => m.time,
  items: { department: byDepartment<OfflineMessageRecord>() },
  // Stored messages do not say where they came from: all count as left with the offline button.
  counts: (rs) => ({ messages: rs.length, fromOfflineButton: rs.length, fromChatQueue: 0 }),
};

const RATING: CountReport<ChatRecord> = {
  records: (store, name, value) => {
    if (name === undefined) return store.data.chats;
    if (name === "department") return departmentRecords(store.data.chats, store, value);
    if (name === "agent") return store.data.chats.filter((c) => servedBy(c, Number(value)));
    return undefined;
  },
  time: (c) => c.start_time,
  items: {
    department: byDepartment<ChatRecord>(),
    agent: (store) => store.data.agents.map((a) => ({ key: { agentId: a.id }, has: (c: ChatRecord) => servedBy(c, a.id) })),
  },
  counts: (rs) => {
    const row: Record<string, number> = { score5: 0, score4: 0, score3: 0, score2: 0, score1: 0 };
    for (const c of rs) if (`score${c.rating}` in row) row[`score${c.rating}`]! += 1;
    return row;
  },
};

type ReportQuery = {
  timeFrom: string;
  timeTo: string;
  timezone?: string;
  filterName?: string;
  filterValue?: string | number;
  group?: string;
};

function countReport<T>(report: CountReport<T>, q: ReportQuery, store: Store): MockAnswer | undefined {
  const offset = offsetSeconds(q.timezone ?? "+00:00");
  const group = q.group ?? "day";
  const records = report.records(store, q.filterName, q.filterValue);
  const byTime = group in STEP || group === "month";
  if (offset === undefined || !records || !(byTime || group in report.items)) return undefined;
  const from = parseLocal(q.timeFrom, offset);
  const to = parseLocal(q.timeTo, offset);
  if (!Number.isFinite(from) || !Number.isFinite(to))
    return errorAnswer(400, "Parameter 'timeFrom' and 'timeTo' must be valid date-times.");
  if (to < from) return errorAnswer(400, "Parameter 'timeTo' must not be before 'timeFrom'.");
  const inPeriod = records.filter((r) => {
    const t = secondsOf(report.time(r));
    return t !== undefined && t >= from && t < to;
  });
  const time = (a: number, b: number) => ({ from: formatLocal(a, offset), to: formatLocal(b, offset) });
  if (!byTime) {
    return ok(
      report.items[group]!(store).map((item) => ({ time: time(from, to), ...item.key, ...report.counts(inPeriod.filter(item.has)) })),
    );
  }
  const bounds = slots(from, to, group, offset);
  if (!bounds)
    return errorAnswer(400, `The period has more than ${MAX_REPORT_ROWS} ${group} rows; ask for a shorter period or a larger group.`);
  const perSlot = Array.from({ length: Math.max(0, bounds.length - 1) }, (): T[] => []);
  for (const r of inPeriod) perSlot[slotOf(bounds, secondsOf(report.time(r))!)]!.push(r);
  return ok(perSlot.map((rs, i) => ({ time: time(bounds[i]!, bounds[i + 1]!), ...report.counts(rs) })));
}

export const reportHandlers: Record<string, ResourceHandler> = {
  getChatVolumeReport: (req, { store }) => countReport(CHAT_VOLUME, req.query as ReportQuery, store),
  getOfflineMessageReport: (req, { store }) => countReport(OFFLINE_MESSAGES, req.query as ReportQuery, store),
  getRatingReport: (req, { store }) => countReport(RATING, req.query as ReportQuery, store),
};
