import { useEffect, useRef } from 'react';
import type { ReferralMine } from '../../cloudfunctions/contract';
import { referralApi } from './referral';
import type { PageRead } from './useReadOnShow';
import { useRemote } from './useRemote';

/**
 * The line beside 邀请好友 on the card and the points page: the member's referral progress in the
 * server's words ("再邀请 1 位好友成为忠诚者") when friends are on their way (`entryText`), null
 * until read. Read after the page's own reads (`ready`), so the till code never waits for it; it
 * says nothing when it fails.
 */
export function useReferralProgress(ready: boolean) {
  const remote = useRemote(referralApi.mine, { auto: false });
  const due = useRef(true);
  const readyNow = useRef(ready);
  readyNow.current = ready;

  useEffect(() => {
    if (ready && due.current) {
      due.current = false;
      void remote.refresh();
    }
  }, [ready]);

  /** one of the page's reads on show: read now if the page is ready, else once it is */
  const read: PageRead = {
    refresh: async () => {
      if (readyNow.current) void remote.refresh();
      else due.current = true;
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
