import type { ActionInput, ActionOutput } from '../../cloudfunctions/contract';
import { serviceFor } from './cloud';
import { newRequestId } from './points';

export type CampaignLaunch = Omit<ActionInput<'ops', 'launchCampaign'>, 'requestId'>;
export type CampaignAudience = CampaignLaunch['audience'];
export type CampaignOptions = ActionOutput<'ops', 'campaignOptions'>;
export type CampaignPreview = ActionOutput<'ops', 'campaignPreview'>;
export type CampaignList = ActionOutput<'ops', 'campaigns'>;
export type CampaignResultsView = ActionOutput<'ops', 'campaignResults'>;
export type CampaignRow = CampaignList['campaigns'][number];

/** Launches whose outcome is unknown (no answer came): the manager's retry carries the same request id, so the campaign is made once. */
const UNKNOWN_OUTCOME = new Set(['UNAVAILABLE', 'INTERNAL']);
const unsettled = new Map<string, string>();

/** 精准营销 for the store's manager (issue 19): what a campaign can be made of, the audience's preview, launch, the list, results, stop. */
export const opsCampaignsApi = serviceFor('ops', (ops) => ({
  options: () => ops('campaignOptions'),
  preview: (audience: CampaignAudience, controlPercent: number) => ops('campaignPreview', { audience, controlPercent }),
  async launch(launch: CampaignLaunch) {
    const key = JSON.stringify(launch);
    const requestId = unsettled.get(key) ?? newRequestId().slice(0, 40);
    unsettled.set(key, requestId);
    const answer = await ops('launchCampaign', { ...launch, requestId });
    if (answer.ok || !UNKNOWN_OUTCOME.has(answer.error.code)) unsettled.delete(key);
    return answer;
  },
  list: () => ops('campaigns'),
  results: (campaignId: string) => ops('campaignResults', { campaignId }),
  stop: (campaignId: string) => ops('stopCampaign', { campaignId }),
}));
