import type { ReferralMine } from '../../cloudfunctions/contract';
import { referralApi } from './referral';
import { useLateRead } from './useLateRead';

/**
 * The line beside 邀请好友 on the card and the points page: the member's referral progress in the
 * server's words ("再邀请 1 位好友成为忠诚者") when friends are on their way (`entryText`), null
 * until read. Read after the page's own reads (useLateRead); it says nothing when it fails.
 */
export function useReferralProgress(ready: boolean, options: { delayMs?: number } = {}) {
  const { data, read } = useLateRead(referralApi.mine, ready, options);
  return { text: data ? entryText(data) : null, read };
}

/**
 * The line beside 邀请好友: the progress when a friend joined, is in the return window or has
 * settled; nothing otherwise (a plain link: no nudging a member who has not invited anyone).
 */
export function entryText(mine: ReferralMine): string | null {
  const { joined, inWindow, settled } = mine.stats;
  return joined + inWindow + settled > 0 ? mine.loyalProgress.text : null;
}
