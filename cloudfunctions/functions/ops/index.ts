import { opsContract } from '../../contract/ops';
import { createMain } from '../../platform/handler';
import { opsHandlers } from './handlers';

/** The `ops` cloud function: segments, campaigns, the store dashboard, alerts and NPS results, for managers. */
export const main = createMain('ops', opsContract, opsHandlers);
