// The account's data as the mock keeps it: each record in the shape the API answers with, so a
// snapshot is readable and a user's own `data` file is written in the documented shapes.

export interface AgentRecord {
  id: number;
  email: string;
  display_name?: string;
  first_name?: string;
  last_name?: string;
  departments?: number[];
  api_key?: string;
  [field: string]: unknown;
}

export interface DepartmentRecord {
  id: number;
  name: string;
  description?: string;
  members?: number[];
  status?: number;
  [field: string]: unknown;
}

export interface CannedMessageRecord {
  id: number;
  name: string;
  message: string;
  categoryId?: number;
  isPrivate?: boolean;
  shortcuts?: string;
}

export interface CannedMessageCategoryRecord {
  id: number;
  name: string;
  parentId?: number;
  isPrivate?: boolean;
}

export interface CampaignRecord {
  id: number;
  name: string;
  description?: string;
}

export interface NameValue {
  name: string;
  value: string;
}

export interface VisitorRecord {
  id: string;
  status?: number;
  custom_variable?: NameValue[];
  [field: string]: unknown;
}

export interface ChatOperatorRecord {
  id?: number;
  display_name?: string;
  email?: string;
}

export interface ChatRecord {
  id: string;
  department?: string;
  operators?: string | ChatOperatorRecord[];
  start_time?: string;
  end_time?: string;
  chat_transcript?: string;
  rating?: string;
  [field: string]: unknown;
}

export interface OfflineMessageRecord {
  id: string;
  department?: string;
  time?: string;
  [field: string]: unknown;
}

/** Everything the stateful mock stores; also the shape of `data` / `--data file.json`. */
export interface MockData {
  agents: AgentRecord[];
  departments: DepartmentRecord[];
  cannedMessages: CannedMessageRecord[];
  cannedMessageCategories: CannedMessageCategoryRecord[];
  campaigns: CampaignRecord[];
  visitors: VisitorRecord[];
  chats: ChatRecord[];
  offlineMessages: OfflineMessageRecord[];
}

export const COLLECTIONS = [
  "agents",
  "departments",
  "cannedMessages",
  "cannedMessageCategories",
  "campaigns",
  "visitors",
  "chats",
  "offlineMessages",
] as const satisfies readonly (keyof MockData)[];

/** The spec schema each collection's records follow. */
export const RECORD_SCHEMAS: Record<keyof MockData, string> = {
  agents: "Agent",
  departments: "Department",
  cannedMessages: "CannedMessage",
  cannedMessageCategories: "CannedMessageCategory",
  campaigns: "Campaign",
  visitors: "Visitor",
  chats: "Chat",
  offlineMessages: "OfflineMessage",
};

/** `/Date(1358453897)/` <-> epoch seconds (the 10-digit form chats and offline messages carry). */
export const comm100Date = (seconds: number) => `/Date(${Math.floor(seconds)})/`;

export function secondsOf(date: string | undefined): number | undefined {
  if (date === undefined || !date.startsWith("/Date(") || !date.endsWith(")/")) return undefined;
  const n = Number(date.slice(6, -2));
  if (!Number.isFinite(n)) return undefined;
  // 11 digits or more: milliseconds (the visitor samples); 10: seconds (chats, offline messages).
  return Math.abs(n) >= 1e11 ? Math.floor(n / 1000) : n;
}
