import { opsCampaignsContract } from './opsCampaigns';
import { opsDashboardContract } from './opsDashboard';
import { opsNpsContract } from './opsNps';
import { opsSegmentsContract } from './opsSegments';

/** Brand operations for managers (issue 19): RFM segments, targeted campaigns with ROI, the store dashboard and alerts, NPS results. */
export const opsContract = {
  ...opsSegmentsContract,
  ...opsCampaignsContract,
  ...opsDashboardContract,
  ...opsNpsContract,
} as const;
