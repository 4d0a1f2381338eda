import type { WalletStatus } from '../../cloudfunctions/contract';
import { call } from './cloud';

/**
 * A fresh idempotency key for one redeem (8–64 of [A-Za-z0-9_-], as the contract asks): the time
 * keeps keys from one phone apart, the random part keeps two phones apart.
 */
export function newRequestId(now: number = Date.now()): string {
  const random = Math.random().toString(36).slice(2).padEnd(10, '0').slice(0, 10);
  return `r${now.toString(36)}-${random}`;
}

/**
 * Redeems whose outcome is unknown, by reward: no answer came (UNAVAILABLE: a timeout may hide a
 * spend that went through) or the function broke (INTERNAL: perhaps after spending). The shopper's
 * retry carries the same request id, so the function spends the points once. A success or a
 * refusal settles the redeem, and the next tap is a new one.
 */
const UNKNOWN_OUTCOME = new Set(['UNAVAILABLE', 'INTERNAL']);
const unsettledRedeems = new Map<string, string>();

async function redeem(rewardId: string) {
  const requestId = unsettledRedeems.get(rewardId) ?? newRequestId();
  unsettledRedeems.set(rewardId, requestId);
  const answer = await call('points', 'redeem', { rewardId, requestId });
  if (answer.ok || !UNKNOWN_OUTCOME.has(answer.error.code)) unsettledRedeems.delete(rewardId);
  return answer;
}

/** The coupon calls, named as the wallet, the claim centre, the card and the points page think of them. */
export const couponApi = {
  /** One wallet tab, with the counts of all three. */
  list: (status: WalletStatus) => call('coupon', 'list', { status }),
  /** 领券中心: the campaign coupons a member may claim, with stock and their own limit. */
  center: () => call('coupon', 'center'),
  claim: (templateId: string) => call('coupon', 'claim', { templateId }),
  /** The birthday gift: whether it can be claimed now, and what it is. */
  birthday: () => call('coupon', 'birthday'),
  claimBirthday: () => call('coupon', 'claimBirthday'),
  /** 积分兑换: what points buy, and the balance to judge it by. */
  rewards: () => call('points', 'rewards'),
  /** Call once per confirmed tap: a retry after no answer reuses the request id, so points are spent once. */
  redeem,
};
