// Agents, keyed by email in paths (case-insensitive), unique in the account.
import type { AgentRecord } from "./data.js";
import type { ResourceHandler } from "./resource.js";
import { badField, notFound, ok, pick, type Store } from "./store.js";

const FIELDS = [
  "display_name",
  "first_name",
  "last_name",
  "phone",
  "title",
  "description",
  "is_admin",
  "is_active",
  "max_chats_count",
] as const;

export const findAgent = (store: Store, email: unknown) => {
  const key = String(email).toLowerCase();
  return store.data.agents.find((a) => a.email.toLowerCase() === key);
};

function checkDepartments(store: Store, ids: unknown): string | undefined {
  if (ids === undefined) return undefined;
  const missing = (ids as number[]).find((id) => !store.data.departments.some((d) => d.id === id));
  return missing === undefined ? undefined : `names department ${missing}, which does not exist.`;
}

export const agentHandlers: Record<string, ResourceHandler> = {
  listAgents: (_req, { store }) => ok(store.data.agents),
  getAgent: (req, { store }) => {
    const agent = findAgent(store, req.params.email);
    return agent ? ok(agent) : notFound("Agent", req.params.email);
  },
  createAgent: (req, { store }) => {
    const body = req.body as Record<string, unknown>;
    const email = String(body.email);
    if (findAgent(store, email)) return badField("email", `must be unique: an agent with the email '${email}' already exists.`);
    const problem = checkDepartments(store, body.departments);
    if (problem) return badField("departments", problem);
    const agent: AgentRecord = {
      id: store.nextId("agents"),
      email,
      status: 2,
      ongoing_chats: 0,
      is_admin: false,
      is_active: true,
      max_chats_count: 3,
      description: "",
      title: "",
      phone: "",
      ...pick<AgentRecord>(body, FIELDS),
      departments: [],
      api_key: store.newApiKey(),
    };
    store.data.agents.push(agent);
    store.setAgentDepartments(agent, (body.departments as number[] | undefined) ?? []);
    return ok(agent);
  },
  updateAgent: (req, { store }) => {
    const agent = findAgent(store, req.params.email);
    if (!agent) return notFound("Agent", req.params.email);
    const body = req.body as Record<string, unknown>;
    const problem = checkDepartments(store, body.departments);
    if (problem) return badField("departments", problem);
    Object.assign(agent, pick<AgentRecord>(body, FIELDS));
    if (body.departments !== undefined) store.setAgentDepartments(agent, body.departments as number[]);
    return ok(agent);
  },
  deleteAgent: (req, { store }) => {
    const agent = findAgent(store, req.params.email);
    if (!agent) return notFound("Agent", req.params.email);
    store.setAgentDepartments(agent, []);
    store.data.agents = store.data.agents.filter((a) => a !== agent);
    return ok({ result: `Operator '${agent.email}' has been removed.` });
  },
  resetAgentApiKey: (req, { store }) => {
    const agent = findAgent(store, req.params.email);
    if (!agent) return notFound("Agent", req.params.email);
    agent.api_key = store.newApiKey();
    return ok(agent);
  },
};
