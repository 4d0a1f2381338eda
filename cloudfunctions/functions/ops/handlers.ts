import type { opsContract } from '../../contract/ops';
import type { Handlers } from '../../platform/handler';
import { campaignsHandlers } from './campaigns';
import { dashboardHandlers } from './dashboard';
import { npsHandlers } from './nps';
import { segmentsHandlers } from './segments';

export const opsHandlers: Handlers<typeof opsContract> = {
  ...segmentsHandlers,
  ...campaignsHandlers,
  ...dashboardHandlers,
  ...npsHandlers,
};
