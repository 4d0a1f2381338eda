import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { AppError, Envelope } from '../../cloudfunctions/contract';
import { errorText } from './errors';
import { toast } from './toast';
import { pageUrl } from './routes';
import type { Remote } from './useRemote';

/** One of a page's reads, as the page's read-on-show sees it. */
export interface PageRead {
  /** reads again, quietly (what is on screen stays); the failure, or null when it arrived */
  refresh(): Promise<AppError | null>;
  /** whether it has something on screen now */
  shown(): boolean;
  /** the failure on screen now, if any (NOT_MEMBER there sends the member to join) */
  failed(): AppError | null;
  /** it says its own problems (a section's retry, a banner that does not appear): only NOT_MEMBER concerns the page */
  saysOwnProblems?: boolean;
}

/** A `useRemote` read as one of the page's reads. */
export function remoteRead<T>(remote: { state: Remote<T>; refresh(): Promise<Envelope<T>> }, options: { saysOwnProblems?: boolean } = {}): PageRead {
  return {
    refresh: async () => {
      const answer = await remote.refresh();
      return answer.ok ? null : answer.error;
    },
    shown: () => remote.state.status === 'ready',
    failed: () => (remote.state.status === 'error' ? remote.state.error : null),
    ...options,
  };
}

/**
 * A page's reads, all again on every show and pull-down (`onPullDown` adds what else a pull-down
 * asks for, after them). What was shown stays when a read fails, and a toast says why it may be
 * old; NOT_MEMBER from any read means the member left (on another device, say) and the page sends
 * them to join — so does `setLeftElsewhere`, for the page's own calls — unless `stayIfNotMember`.
 * `notMember` tells the page not to draw an error meanwhile.
 */
export function useReadOnShow(reads: PageRead[], options: { onPullDown?: () => void; stayIfNotMember?: boolean } = {}) {
  const [leftElsewhere, setLeftElsewhere] = useState(false);

  async function readAgain(): Promise<void> {
    const shownBefore = reads.map((read) => read.shown());
    const failures = await Promise.all(reads.map((read) => read.refresh()));
    if (failures.some((error) => error?.code === 'NOT_MEMBER')) return setLeftElsewhere(true);
    // what was shown stays; say why it may be old (once, for the first read that had something to keep)
    const stale = failures.find((error, i) => error && shownBefore[i] && !reads[i]!.saysOwnProblems);
    if (stale) toast(errorText(stale));
  }

  useDidShow(() => void readAgain());
  usePullDownRefresh(async () => {
    await readAgain();
    options.onPullDown?.();
    void Taro.stopPullDownRefresh();
  });

  const notMember = leftElsewhere || reads.some((read) => read.failed()?.code === 'NOT_MEMBER');
  // a page that has something for non-members too (我的 for store staff) says so with stayIfNotMember
  const leave = notMember && !options.stayIfNotMember;
  useEffect(() => {
    if (leave) void Taro.redirectTo({ url: pageUrl('join') });
  }, [leave]);

  return { readAgain, notMember, setLeftElsewhere };
}
