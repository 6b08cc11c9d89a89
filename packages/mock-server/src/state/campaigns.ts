// Campaigns: the list comes from the store; a campaign's settings (pre-chat form, invitations,
// ...) keep the documented examples, but only for a campaign that exists.
import type { ResourceHandler } from "./resource.js";
import { notFound, ok } from "./store.js";

const exists: ResourceHandler = (req, { store }) =>
  store.data.campaigns.some((c) => c.id === req.params.id) ? undefined : notFound("Campaign", req.params.id);

export const campaignHandlers: Record<string, ResourceHandler> = {
  listCampaigns: (_req, { store }) => ok(store.data.campaigns),
  getCampaignPreChat: exists,
  getCampaignPostChat: exists,
  getCampaignOfflineMessage: exists,
  listCampaignAutoInvitations: exists,
  getCampaignAgentWrapup: exists,
};
