import { useEffect, useRef, useState } from 'react';
import type { ReferralMine } from '../../cloudfunctions/contract';
import { referralApi } from './referral';
import type { PageRead } from './useReadOnShow';
import { useRemote } from './useRemote';

/**
 * The line beside 邀请好友 on the card and the points page: the member's referral progress in the
 * server's words ("再邀请 1 位好友成为忠诚者") when friends are on their way (`entryText`), null
 * until read. Read after the page's own reads (`ready`, then `delayMs`: on the card, a moment
 * after the till code is drawn, so nothing but the card and the code is asked before it shows);
 * it says nothing when it fails.
 */
export function useReferralProgress(ready: boolean, options: { delayMs?: number } = {}) {
  const remote = useRemote(referralApi.mine, { auto: false });
  const due = useRef(true);
  // a show asks for a read: counted, so the effect below runs again
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (!ready || !due.current) return undefined;
    const timer = setTimeout(() => {
      due.current = false;
      void remote.refresh();
    }, options.delayMs ?? 0);
    return () => clearTimeout(timer);
  }, [ready, asked]);

  /** one of the page's reads on show: read once the page is ready (and the delay has passed) */
  const read: PageRead = {
    refresh: async () => {
      due.current = true;
      setAsked((n) => n + 1);
      return null;
    },
    shown: () => remote.state.status === 'ready',
    failed: () => null,
    saysOwnProblems: true,
  };

  const mine = remote.state.status === 'ready' ? remote.state.data : null;
  return { text: mine ? entryText(mine) : null, read };
}

/**
 * The line beside 邀请好友: the progress when a friend joined, is in the return window or has
 * settled; nothing otherwise (a plain link: no nudging a member who has not invited anyone).
 */
export function entryText(mine: ReferralMine): string | null {
  const { joined, inWindow, settled } = mine.stats;
  return joined + inWindow + settled > 0 ? mine.loyalProgress.text : null;
}
