import type { opsDashboardContract } from '../../contract/opsDashboard';
import type { Handlers } from '../../platform/handler';

export const dashboardHandlers: Handlers<typeof opsDashboardContract> = {};
