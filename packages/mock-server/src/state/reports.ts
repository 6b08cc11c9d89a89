// Reports computed from the stored chats: chat volume (by time slot or by department). The other
// reports keep their documented examples (README: "Which answers come from the data").
import { errorAnswer } from "../errors.js";
import { secondsOf, type ChatRecord } from "./data.js";
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

function chatsOf(store: Store, filterName: unknown, filterValue: unknown): ChatRecord[] | undefined {
  if (filterName === undefined) return store.data.chats;
  if (filterName !== "department") return undefined; // campaigns and segments are not recorded on chats
  const d = store.data.departments.find((x) => String(x.id) === String(filterValue));
  return d ? store.data.chats.filter((c) => c.department === d.name) : [];
}

const counts = (n: number) => ({ chatRequests: n, chats: n, missedChats: 0, refusedChats: 0 });

export const reportHandlers: Record<string, ResourceHandler> = {
  getChatVolumeReport: (req, { store }) => {
    const q = req.query as { timeFrom: string; timeTo: string; timezone?: string; filterName?: string; filterValue?: string; group?: string };
    const offset = offsetSeconds(q.timezone ?? "+00:00");
    const group = q.group ?? "day";
    const chats = chatsOf(store, q.filterName, q.filterValue);
    if (offset === undefined || !chats || !(group in STEP || group === "month" || group === "department")) return undefined;
    const from = parseLocal(q.timeFrom, offset);
    const to = parseLocal(q.timeTo, offset);
    if (!Number.isFinite(from) || !Number.isFinite(to)) return errorAnswer(400, "Parameter 'timeFrom' and 'timeTo' must be valid date-times.");
    if (to < from) return errorAnswer(400, "Parameter 'timeTo' must not be before 'timeFrom'.");
    const inPeriod = chats.filter((c) => {
      const t = secondsOf(c.start_time);
      return t !== undefined && t >= from && t < to;
    });
    const time = (a: number, b: number) => ({ from: formatLocal(a, offset), to: formatLocal(b, offset) });
    if (group === "department") {
      return ok(
        store.data.departments.map((d) => ({ time: time(from, to), departmentId: d.id, ...counts(inPeriod.filter((c) => c.department === d.name).length) })),
      );
    }
    const bounds = slots(from, to, group, offset);
    if (!bounds) return errorAnswer(400, `The period has more than ${MAX_REPORT_ROWS} ${group} rows; ask for a shorter period or a larger group.`);
    const perSlot = new Array<number>(Math.max(0, bounds.length - 1)).fill(0);
    for (const c of inPeriod) {
      const t = secondsOf(c.start_time)!;
      let lo = 0;
      let hi = perSlot.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (bounds[mid]! <= t) lo = mid;
        else hi = mid - 1;
      }
      perSlot[lo]! += 1;
    }
    return ok(perSlot.map((n, i) => ({ time: time(bounds[i]!, bounds[i + 1]!), ...counts(n) })));
  },
};
