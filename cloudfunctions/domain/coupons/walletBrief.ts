import type { MemberCard } from '../../contract';
import { toIso } from '../time';
import { couponProblem } from './pricing';
import type { Coupon } from './template';
import type { TierHolder } from './tierGifts';
import { walletStatusOf } from './view';

/** "Ends soon" on the card: the usable coupon that ends within this many days. */
export const CARD_ENDING_SOON_DAYS = 7;
/** The card names at most this many coupons next to the code (本单可用). */
export const CARD_AT_TILL_MAX = 3;
const DAY_MS = 86_400_000;

export interface WalletHolder extends TierHolder {
  _id: string;
  firstOrderAt?: Date | null;
}

/**
 * The wallet in brief, for the card: what the wallet would list as usable (its own rule,
 * walletStatusOf), the one ending soonest when within 7 days, and what the till would take on the
 * next order (the pricing engine's own check, couponProblem, with no basket: a coupon a basket
 * could still refuse — 满300减50 on ¥200 — is named; the till says so when it prices).
 * A pass (新品优先试穿权) is honoured in person, never at the till. Best first: the welcome
 * coupon (good only on this first order) first, then whatever ends soonest.
 */
export function walletBrief(m: WalletHolder, held: Coupon[], now: Date): MemberCard['wallet'] {
  const ordered = !!m.firstOrderAt;
  const usable = held.filter((c) => c.status === 'available' && walletStatusOf(c, ordered, now, m).status === 'available');
  const byEnd = [...usable].sort((a, b) => a.validUntil.getTime() - b.validUntil.getTime() || a._id.localeCompare(b._id));
  const soonest = byEnd[0];
  const endingSoon = soonest && soonest.validUntil.getTime() - now.getTime() <= CARD_ENDING_SOON_DAYS * DAY_MS ? soonest : null;
  const ctx = { memberId: m._id, firstOrder: !ordered, at: now, holder: m };
  const atTill = byEnd
    .filter((c) => c.discount.kind !== 'pass' && couponProblem(c, ctx) === null)
    .sort((a, b) => Number(!!b.firstOrderOnly) - Number(!!a.firstOrderOnly))
    .slice(0, CARD_AT_TILL_MAX);
  return {
    usable: usable.length,
    endingSoon: endingSoon ? { name: endingSoon.name, endsAt: toIso(endingSoon.validUntil) } : null,
    atTill: atTill.map((c) => ({ couponId: c._id, name: c.name })),
  };
}
