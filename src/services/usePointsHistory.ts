import type { LedgerLine } from '../../cloudfunctions/contract';
import { pointsApi } from './points';
import { type PagedList, usePagedList } from './usePagedList';

export type PointsHistory = Omit<PagedList<LedgerLine, number>, 'items'> & { lines: LedgerLine[] };

/**
 * The member's points history, a page at a time (usePagedList). A fresh first page joins what is
 * shown where the ledger meets it (withFirstPage), so the shopper keeps their place.
 */
export function usePointsHistory() {
  const { list, reload, loadMore, read } = usePagedList<LedgerLine, number>({
    fetch: async (before) => {
      const answer = await pointsApi.history(before);
      return answer.ok ? { ok: true, data: { items: answer.data.lines, nextBefore: answer.data.nextBefore } } : answer;
    },
    withFirstPage: (shown, page) => {
      const joined = withFirstPage({ lines: shown.items, nextBefore: shown.nextBefore }, { lines: page.items, nextBefore: page.nextBefore });
      return { items: joined.lines, nextBefore: joined.nextBefore };
    },
  });
  const { items, ...rest } = list;
  return { history: { ...rest, lines: items } as PointsHistory, reload, loadMore, read };
}

type Shown = Pick<PointsHistory, 'lines' | 'nextBefore'>;

/**
 * A fresh first page on top of what is shown. The ledger only grows at the top, so when the page
 * reaches a line already shown, the older pages below it stay (no jump back to the top of the list
 * on every show); otherwise the first page replaces everything.
 */
export function withFirstPage(shown: Shown, page: Shown): Shown {
  const last = page.lines[page.lines.length - 1];
  const at = last ? shown.lines.findIndex((line) => line.id === last.id) : -1;
  if (at < 0) return { lines: page.lines, nextBefore: page.nextBefore };
  return { lines: [...page.lines, ...shown.lines.slice(at + 1)], nextBefore: shown.nextBefore };
}
