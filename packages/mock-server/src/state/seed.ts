// The seeded account: a fixed seed and the UTC day of the mock clock give the same records every
// time. Each record starts as a value drawn from the spec's schema (schema-sample.ts); then the
// relations are set so they hold: department members and agent departments agree, chats name
// existing departments and agents, dates fall in the 90 days before today (UTC).
import { faker } from "@faker-js/faker/locale/en";
import type { OpenAPIDocument } from "../spec.js";
import {
  comm100Date,
  type AgentRecord,
  type CampaignRecord,
  type CannedMessageCategoryRecord,
  type CannedMessageRecord,
  type ChatRecord,
  type DepartmentRecord,
  type MockData,
  type OfflineMessageRecord,
  type VisitorRecord,
} from "./data.js";
import { sample, type SampleContext } from "./schema-sample.js";

export const SEED_COUNTS = {
  agents: 12,
  departments: 4,
  categories: 4,
  cannedMessages: 12,
  campaigns: 3,
  visitors: 40,
  chats: 360,
  offlineMessages: 120,
};
const DAY = 86_400;
// No "sales": the docs' create example uses that name, and it should work on the seeded account.
const DEPARTMENT_NAMES = ["Customer Care", "Support", "Billing", "Onboarding", "Technical", "Partners"];
const CATEGORY_NAMES = ["Greetings", "Pricing", "Troubleshooting", "Closing", "Shipping"];

function sampled<T>(ctx: SampleContext, schema: string, fixed: Partial<T>): T {
  return { ...(sample(ctx, { $ref: `#/components/schemas/${schema}` }) as object), ...fixed } as T;
}

function transcript(f: typeof faker, start: number, agent: string, visitor: string): string {
  const clock = (s: number) => new Date(s * 1000).toISOString().slice(11, 19);
  const lines = [
    `Operator ${agent} has joined the chat.`,
    `[${clock(start)}] ${agent}: Hi ${visitor}, this is ${agent}. How may I help you?`,
  ];
  let t = start;
  for (let i = 0, n = f.number.int({ min: 2, max: 6 }); i < n; i++) {
    t += f.number.int({ min: 5, max: 90 });
    lines.push(`[${clock(t)}] ${i % 2 === 0 ? visitor : agent}: ${f.hacker.phrase()}`);
  }
  return lines.join("\n");
}

/** The seeded data for `seed`, with its dates in the 90 days before `todayStart` (epoch seconds). */
export function seedData(spec: OpenAPIDocument, seed: number, todayStart: number): MockData {
  faker.seed(seed);
  const f = faker;
  const from = todayStart - 90 * DAY;
  const ctx: SampleContext = { spec, faker: f, dateRange: [from, todayStart - 1] };
  const n = SEED_COUNTS;

  const departments: DepartmentRecord[] = DEPARTMENT_NAMES.slice(0, n.departments).map((name, i) =>
    sampled<DepartmentRecord>(ctx, "Department", {
      id: i + 1,
      name,
      description: `${name} team`,
      members: [],
      status: f.helpers.arrayElement([0, 2]),
    }),
  );
  const agents: AgentRecord[] = [];
  for (let i = 0; i < n.agents; i++) {
    const first_name = f.person.firstName();
    const last_name = f.person.lastName();
    const joined = f.helpers
      .arrayElements(departments, { min: 1, max: 2 })
      .map((d) => d.id)
      .sort((a, b) => a - b);
    const agent = sampled<AgentRecord>(ctx, "Agent", {
      id: i + 1,
      email: `${first_name}.${last_name}.${i + 1}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ""),
      first_name,
      last_name,
      display_name: `${first_name} ${last_name}`,
      departments: joined,
      api_key: f.string.hexadecimal({ length: 32, casing: "lower", prefix: "" }),
      is_admin: i === 0,
      is_active: true,
      max_chats_count: f.number.int({ min: 2, max: 6 }),
    });
    delete agent.name;
    agents.push(agent);
    for (const id of joined) departments[id - 1]!.members!.push(agent.id);
  }

  const cannedMessageCategories: CannedMessageCategoryRecord[] = CATEGORY_NAMES.slice(0, n.categories).map((name, i) =>
    sampled<CannedMessageCategoryRecord>(ctx, "CannedMessageCategory", { id: i + 1, name, parentId: 0, isPrivate: false }),
  );
  const cannedMessages: CannedMessageRecord[] = Array.from({ length: n.cannedMessages }, (_, i) =>
    sampled<CannedMessageRecord>(ctx, "CannedMessage", {
      id: i + 1,
      name: `${f.word.adjective()} ${f.word.noun()} ${i + 1}`,
      message: f.hacker.phrase(),
      categoryId: i % 3 === 2 ? 0 : f.helpers.arrayElement(cannedMessageCategories).id,
      isPrivate: false,
    }),
  );
  const campaigns: CampaignRecord[] = ["Website", "Pricing page", "Checkout help"].slice(0, n.campaigns).map((name, i) => ({
    id: i + 1,
    name,
    description: f.company.catchPhrase(),
  }));

  const visitors: VisitorRecord[] = Array.from({ length: n.visitors }, () => {
    const firstVisit = f.number.int({ min: from, max: todayStart - 1 });
    return sampled<VisitorRecord>(ctx, "Visitor", {
      id: f.string.uuid(),
      name: f.person.firstName(),
      department: f.helpers.arrayElement(departments).name,
      first_visit_time: comm100Date(firstVisit),
      visit_time: comm100Date(f.number.int({ min: firstVisit, max: todayStart - 1 })),
      status: f.helpers.arrayElement([0, 2, 2, 3, 9, 10, 10, 10]),
      custom_fields: [{ field_id: 5000001, name: "order_id", value: String(f.number.int({ min: 1_000_000, max: 9_999_999 })) }],
      custom_variable: [{ name: "user_login", value: f.helpers.arrayElement(["email", "google", "facebook"]) }],
    });
  });

  const chats: ChatRecord[] = [];
  for (let i = 0; i < n.chats; i++) {
    const department = f.helpers.arrayElement(departments);
    const pool = agents.filter((a) => department.members!.includes(a.id));
    const served = f.helpers.arrayElements(pool.length ? pool : agents, { min: 1, max: 2 });
    const visitor = f.helpers.arrayElement(visitors);
    const start = f.number.int({ min: from, max: todayStart - 3600 });
    const end = start + f.number.int({ min: 60, max: 1800 });
    const chat = sampled<ChatRecord>(ctx, "Chat", {
      id: f.string.uuid(),
      name: String(visitor.name),
      email: String(visitor.email),
      company: String(visitor.company),
      department: department.name,
      operators: served.map((a) => ({ id: a.id, display_name: a.display_name!, email: a.email })),
      start_time: comm100Date(start),
      end_time: comm100Date(end),
      waiting_time: `${f.number.int({ min: 1, max: 120 })}s`,
      chat_transcript: transcript(f, start, served[0]!.display_name!, String(visitor.name)),
      rating: String(
        f.helpers.weightedArrayElement([
          { weight: 3, value: 0 },
          { weight: 1, value: 3 },
          { weight: 2, value: 4 },
          { weight: 3, value: 5 },
        ]),
      ),
      custom_fields: [{ field_id: 5000001, name: "order_id", value: String(f.number.int({ min: 1_000_000, max: 9_999_999 })) }],
      custom_variable: visitor.custom_variable ?? [],
    });
    chat.wrap_up = {
      category: f.helpers.arrayElement(["Sales", "Question", "Suggestion", "Complaint"]),
      comment: f.company.buzzPhrase(),
      fields: [],
      time: comm100Date(end + 30),
    };
    if (f.number.int({ min: 0, max: 4 }) !== 0) delete chat.attachment;
    delete chat.note_attachment;
    chats.push(chat);
  }
  chats.sort((a, b) => a.start_time!.localeCompare(b.start_time!, "en", { numeric: true }));

  const offlineMessages: OfflineMessageRecord[] = Array.from({ length: n.offlineMessages }, () =>
    sampled<OfflineMessageRecord>(ctx, "OfflineMessage", {
      id: f.string.uuid(),
      name: f.person.firstName(),
      email: f.internet.email().toLowerCase(),
      department: f.helpers.arrayElement(departments).name,
      subject: f.company.catchPhrase(),
      content: `${f.hacker.phrase()} ${f.hacker.phrase()}`,
      time: comm100Date(f.number.int({ min: from, max: todayStart - 1 })),
    }),
  ).sort((a, b) => a.time!.localeCompare(b.time!, "en", { numeric: true }));

  return { agents, departments, cannedMessages, cannedMessageCategories, campaigns, visitors, chats, offlineMessages };
}
