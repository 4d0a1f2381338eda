import { useCallback, useRef, useState } from 'react';
import type { AppError, LedgerLine } from '../../cloudfunctions/contract';
import { pointsApi } from './points';
import type { PageRead } from './useReadOnShow';

export interface PointsHistory {
  /** lines shown, newest first */
  lines: LedgerLine[];
  /** false until the first page has arrived once */
  loaded: boolean;
  /** `before` for the next page; null when the oldest line is shown */
  nextBefore: number | null;
  /** which page is on its way, if any (only ever one) */
  loading: 'first' | 'more' | null;
  /** the last page load that failed: the first page (nothing or old lines shown) or the next one */
  failed: { page: 'first' | 'more'; error: AppError } | null;
}

const EMPTY: PointsHistory = { lines: [], loaded: false, nextBefore: null, loading: null, failed: null };

/**
 * The member's points history, a page at a time. `reload()` fetches the first page again and keeps
 * what is shown until it arrives; `loadMore()` appends the next page. Never two page loads in
 * flight: a reload asked during a page load follows it, and a second loadMore is ignored.
 */
export function usePointsHistory() {
  const [history, setHistory] = useState<PointsHistory>(EMPTY);
  const current = useRef(history);
  current.current = history;
  const inFlight = useRef<{ page: 'first' | 'more'; done: Promise<AppError | null> } | null>(null);

  /** Resolves to the error of the page load, or null when it arrived. */
  const load = useCallback((page: 'first' | 'more', before?: number): Promise<AppError | null> => {
    const patch = (next: Partial<PointsHistory>) => {
      current.current = { ...current.current, ...next };
      setHistory(current.current);
    };
    patch({ loading: page });
    const done = pointsApi.history(before).then((answer) => {
      inFlight.current = null;
      if (!answer.ok) {
        patch({ loading: null, failed: { page, error: answer.error } });
        return answer.error;
      }
      const shown = { lines: current.current.lines, nextBefore: current.current.nextBefore };
      const next = page === 'first' ? withFirstPage(shown, answer.data) : { lines: [...shown.lines, ...answer.data.lines], nextBefore: answer.data.nextBefore };
      patch({ ...next, loaded: true, loading: null, failed: null });
      return null;
    });
    inFlight.current = { page, done };
    return done;
  }, []);

  const reload = useCallback(async (): Promise<AppError | null> => {
    const running = inFlight.current;
    if (running?.page === 'first') return running.done;
    if (running) await running.done;
    // another reload may have started while this one waited
    if (inFlight.current) return inFlight.current.done;
    return load('first');
  }, [load]);

  const loadMore = useCallback(async (): Promise<AppError | null> => {
    const { loaded, nextBefore } = current.current;
    // not loaded yet (the first page has its own retry) or nothing older
    if (inFlight.current || !loaded || nextBefore === null) return null;
    return load('more', nextBefore);
  }, [load]);

  /** the first page as one of the page's reads on show */
  const read: PageRead = { refresh: reload, shown: () => history.loaded, failed: () => history.failed?.error ?? null };

  return { history, reload, loadMore, read };
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
