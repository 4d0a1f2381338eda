import type { ActionOutput } from '../../cloudfunctions/contract';
import { serviceFor } from './cloud';

export type NpsReport = ActionOutput<'ops', 'npsReport'>;
export type NpsPeriod = NpsReport['period'];

/** 顾客满意度 for the store's manager (issue 19): FORBIDDEN for anyone else. Only the ops subpackage imports this file. */
export const opsNpsApi = serviceFor('ops', (ops) => ({
  /** the store's and each clerk's NPS over the last 7, 30 or 90 shop days, and the latest reasons (members masked) */
  report: (period: NpsPeriod) => ops('npsReport', { period }),
}));
