import { useCallback, useRef, useState } from 'react';
import type { AppError, Envelope } from '../../cloudfunctions/contract';
import type { PageRead } from './useReadOnShow';

/** A list read a page at a time, newest first. */
export interface PagedList<Item, Cursor> {
  items: Item[];
  /** false until the first page has arrived once */
  loaded: boolean;
  /** `before` for the next page; null when the oldest item is shown */
  nextBefore: Cursor | null;
  /** which page is on its way, if any (only ever one) */
  loading: 'first' | 'more' | null;
  /** the last page load that failed: the first page (nothing or old items shown) or the next one */
  failed: { page: 'first' | 'more'; error: AppError } | null;
}

export interface Page<Item, Cursor> {
  items: Item[];
  nextBefore: Cursor | null;
}

export interface PagedListSource<Item, Cursor> {
  /** one page older than `before` (the first page without it) */
  fetch(before?: Cursor): Promise<Envelope<Page<Item, Cursor>>>;
  /** a fresh first page on top of what is shown (default: it replaces the list) */
  withFirstPage?(shown: Page<Item, Cursor>, page: Page<Item, Cursor>): Page<Item, Cursor>;
  /** the list says its own problems (only NOT_MEMBER concerns the page) */
  saysOwnProblems?: boolean;
}

/**
 * A list a page at a time. `reload()` fetches the first page again and keeps what is shown until
 * it arrives; `loadMore()` appends the next page. Never two page loads in flight: a reload asked
 * during a page load follows it, and a second loadMore is ignored.
 */
export function usePagedList<Item, Cursor>(source: PagedListSource<Item, Cursor>) {
  const [list, setList] = useState<PagedList<Item, Cursor>>({ items: [], loaded: false, nextBefore: null, loading: null, failed: null });
  const current = useRef(list);
  current.current = list;
  const from = useRef(source);
  from.current = source;
  const inFlight = useRef<{ page: 'first' | 'more'; done: Promise<AppError | null> } | null>(null);

  /** Resolves to the error of the page load, or null when it arrived. */
  const load = useCallback((page: 'first' | 'more', before?: Cursor): Promise<AppError | null> => {
    const patch = (next: Partial<PagedList<Item, Cursor>>) => {
      current.current = { ...current.current, ...next };
      setList(current.current);
    };
    patch({ loading: page });
    const done = from.current.fetch(before).then((answer) => {
      inFlight.current = null;
      if (!answer.ok) {
        patch({ loading: null, failed: { page, error: answer.error } });
        return answer.error;
      }
      const shown = { items: current.current.items, nextBefore: current.current.nextBefore };
      const next = page === 'more' ? { items: [...shown.items, ...answer.data.items], nextBefore: answer.data.nextBefore } : (from.current.withFirstPage?.(shown, answer.data) ?? answer.data);
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
  const read: PageRead = { refresh: reload, shown: () => list.loaded, failed: () => list.failed?.error ?? null, saysOwnProblems: source.saysOwnProblems };

  return { list, reload, loadMore, read };
}
