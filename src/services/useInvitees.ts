import { useCallback, useRef, useState } from 'react';
import type { AppError, Invitee } from '../../cloudfunctions/contract';
import { referralApi } from './referral';
import type { PageRead } from './useReadOnShow';

export interface InviteeList {
  /** newest first */
  invitees: Invitee[];
  /** false until the first page has arrived once */
  loaded: boolean;
  /** `before` for the next page; null when the oldest invitee is shown */
  nextBefore: string | null;
  /** which page is on its way, if any (only ever one) */
  loading: 'first' | 'more' | null;
  /** the last page load that failed */
  failed: { page: 'first' | 'more'; error: AppError } | null;
}

const EMPTY: InviteeList = { invitees: [], loaded: false, nextBefore: null, loading: null, failed: null };

/**
 * The member's invitees, a page at a time. `reload()` reads the first page again and keeps what is
 * shown until it arrives; then the first page replaces the list (a friend's status changes as
 * their order settles, so older pages are read again as the shopper scrolls). `loadMore()` appends
 * the next page. Never two page loads in flight: a reload during a page load follows it, a second
 * loadMore is ignored.
 */
export function useInvitees() {
  const [list, setList] = useState<InviteeList>(EMPTY);
  const current = useRef(list);
  current.current = list;
  const inFlight = useRef<{ page: 'first' | 'more'; done: Promise<AppError | null> } | null>(null);

  const load = useCallback((page: 'first' | 'more', before?: string): Promise<AppError | null> => {
    const patch = (next: Partial<InviteeList>) => {
      current.current = { ...current.current, ...next };
      setList(current.current);
    };
    patch({ loading: page });
    const done = referralApi.invitees(before).then((answer) => {
      inFlight.current = null;
      if (!answer.ok) {
        patch({ loading: null, failed: { page, error: answer.error } });
        return answer.error;
      }
      const invitees = page === 'first' ? answer.data.invitees : [...current.current.invitees, ...answer.data.invitees];
      patch({ invitees, nextBefore: answer.data.nextBefore, loaded: true, loading: null, failed: null });
      return null;
    });
    inFlight.current = { page, done };
    return done;
  }, []);

  const reload = useCallback(async (): Promise<AppError | null> => {
    const running = inFlight.current;
    if (running?.page === 'first') return running.done;
    if (running) await running.done;
    if (inFlight.current) return inFlight.current.done;
    return load('first');
  }, [load]);

  const loadMore = useCallback(async (): Promise<AppError | null> => {
    const { loaded, nextBefore } = current.current;
    if (inFlight.current || !loaded || nextBefore === null) return null;
    return load('more', nextBefore);
  }, [load]);

  /** the first page as one of the page's reads on show; the list says its own problems */
  const read: PageRead = { refresh: reload, shown: () => list.loaded, failed: () => list.failed?.error ?? null, saysOwnProblems: true };

  return { list, reload, loadMore, read };
}
