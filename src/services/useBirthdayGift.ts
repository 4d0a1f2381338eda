import { useRef, useState } from 'react';
import type { BirthdayGift, ErrorCode } from '../../cloudfunctions/contract';
import { couponApi } from './coupons';
import { errorText } from './errors';
import { toast } from './toast';
import { useRemote } from './useRemote';

/** Claiming the birthday gift says it more precisely than the catalogue. */
const BIRTHDAY_ERRORS: Partial<Record<ErrorCode, string>> = {
  NOT_CLAIMABLE: '现在不在生日礼券的领取时间内',
  LIMIT_REACHED: '今年的生日礼券已经领过了',
};

/**
 * The member's birthday gift for the card page: read quietly beside the card (a failure shows no
 * banner and never holds up the code), and claimed with one tap that cannot be doubled.
 */
export function useBirthdayGift() {
  const remote = useRemote(couponApi.birthday, { auto: false });
  const [claiming, setClaiming] = useState(false);
  /** the coupon claimed on this page just now (the banner then says 已领取 · 去看看) */
  const [claimedId, setClaimedId] = useState<string | null>(null);
  const inFlight = useRef(false);
  const gift: BirthdayGift | null = remote.state.status === 'ready' ? remote.state.data : null;
  // this coupon, not merely "a claim happened here": a gift read later (another window, or after
  // leaving and joining again) is not the one just claimed
  const justClaimed = claimedId !== null && gift?.state === 'claimed' && gift.coupon?.couponId === claimedId;

  async function claim(): Promise<void> {
    if (inFlight.current || !gift) return;
    inFlight.current = true;
    setClaiming(true);
    const answer = await couponApi.claimBirthday();
    if (answer.ok) {
      remote.set({ ...gift, state: 'claimed', coupon: answer.data.coupon });
      setClaimedId(answer.data.coupon.couponId);
      toast('领取成功', 'success');
    } else {
      toast(errorText(answer.error, BIRTHDAY_ERRORS));
      // the window or the claim may have changed meanwhile: show the gift as it now stands
      await remote.refresh();
    }
    inFlight.current = false;
    setClaiming(false);
  }

  return { gift, refresh: remote.refresh, claim, claiming, justClaimed };
}
