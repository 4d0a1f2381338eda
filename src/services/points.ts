import type { SubscribeTemplateKey } from '../../cloudfunctions/contract/rules';
import { call } from './cloud';

/** How many history lines one page asks for (the contract allows up to 50). */
export const HISTORY_PAGE_SIZE = 20;

/** The points calls, named as the points page thinks of them. */
export const pointsApi = {
  summary: () => call('points', 'summary'),
  /** A page of history, newest first; `before` is the `nextBefore` of the page already shown. */
  history: (before?: number) => call('points', 'history', before === undefined ? { limit: HISTORY_PAGE_SIZE } : { before, limit: HISTORY_PAGE_SIZE }),
  /** Records the templates the shopper accepted: one reminder credit each. */
  subscribe: (accepted: SubscribeTemplateKey[]) => call('member', 'subscribe', { accepted }),
};
