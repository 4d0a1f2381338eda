import type { opsCampaignsContract } from '../../contract/opsCampaigns';
import type { Handlers } from '../../platform/handler';

export const campaignsHandlers: Handlers<typeof opsCampaignsContract> = {};
