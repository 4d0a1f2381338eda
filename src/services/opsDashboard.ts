import type { ActionOutput } from '../../cloudfunctions/contract';
import { serviceFor } from './cloud';

export type Dashboard = ActionOutput<'ops', 'dashboard'>;
export type DashboardDays = 7 | 30 | 90;
export type StoreAlerts = ActionOutput<'ops', 'alerts'>;
export type StoreAlertItem = StoreAlerts['items'][number];

/**
 * The `ops` function's store dashboard and alerts (issue 19, parts 3 and 4), as 门店看板 and 经营预警
 * think of them. Managers only: the server says FORBIDDEN to anyone else. Only the ops subpackage
 * imports this file.
 */
export const opsDashboardApi = serviceFor('ops', (ops) => ({
  /** the manager's store over the last 7, 30 or 90 days */
  dashboard: (days: DashboardDays) => ops('dashboard', { days }),
  /** the store's open alerts, or the handled ones */
  alerts: (view: 'open' | 'closed') => ops('alerts', { view }),
  /** 标记已处理: once (CONFLICT when a colleague handled it first) */
  closeAlert: (alertId: string) => ops('closeAlert', { alertId }),
}));
