import type { ReferralVoidReason } from '../../contract/referral';
import { couponFrom } from '../coupons/issue';
import type { Coupon, CouponTemplate } from '../coupons/template';
import { isLeaving, type Member } from '../member';
import { addMonths, shopDayKey, shopDayStart, shopMonthKey, shopMonthStart } from '../time';
import { inviterStepFor, type ReferralProgramme, rewardCostFen } from './programme';
import type { Referral } from './referral';
import { planSettledReferral } from './settledReferral';

/** Everything a due referral is decided on, read in one transaction (the templates before it). */
export interface SettlementFacts {
  referral: Referral;
  programme: ReferralProgramme | null;
  /** the qualifying order as it is now (its refunds so far) */
  order: { amountFen: number; refundedFen: number } | null;
  invitee: Member | null;
  inviter: Member | null;
  /** what the inviter rewards of this month have cost so far */
  budgetSpentFen: number;
  templates: Map<string, CouponTemplate>;
  /** the ids the rewards get (keyed by the referral: a rerun issues nothing twice) */
  couponId: (templateId: string, memberId: string) => string;
  now: Date;
}

export type SettlementPlan =
  | { kind: 'wait' }
  | { kind: 'void'; reason: ReferralVoidReason; referral: Partial<Referral> }
  /** the daily cap or the month's budget is reached: look again then */
  | { kind: 'defer'; referral: Partial<Referral> }
  | {
      kind: 'settle';
      referral: Partial<Referral>;
      coupons: Coupon[];
      inviterId: string;
      inviterChanges: Partial<Member>;
      budget: { monthKey: string; spentFen: number };
      tierChanged: boolean;
    };

const voided = (reason: ReferralVoidReason): SettlementPlan => ({ kind: 'void', reason, referral: { status: 'void', voidReason: reason, dueAt: null } });
const gone = (m: Member | null) => !m || isLeaving(m);

/** Settlements the inviter had on the shop day of `now`. */
function settledToday(inviter: Member, now: Date): number {
  const today = shopDayKey(now);
  return (inviter.referralsSettled ?? []).filter((r) => shopDayKey(r.at) === today).length;
}

/**
 * A due referral: a joined one that never saw a qualifying order is void; a qualified one whose
 * window is over settles — both sides get the pass, the inviter the reward of their step — unless
 * the order came back below the minimum, either side left, or both bound the same phone. The
 * inviter's daily cap and the month's budget defer it, never drop it.
 */
export function planSettlement(f: SettlementFacts): SettlementPlan {
  const r = f.referral;
  if ((r.status !== 'joined' && r.status !== 'qualified') || !r.dueAt || r.dueAt.getTime() > f.now.getTime()) return { kind: 'wait' };
  if (r.status === 'joined') return voided('noOrder');
  if (gone(f.invitee)) return voided('inviteeLeft');
  if (gone(f.inviter)) return voided('inviterLeft');
  const p = f.programme;
  if (!p || !f.order || f.order.amountFen - f.order.refundedFen < p.minOrderFen) return voided('refunded');
  const invitee = f.invitee!;
  const inviter = f.inviter!;
  if (invitee.phoneDigest && invitee.phoneDigest === inviter.phoneDigest) return voided('samePhone');
  if (settledToday(inviter, f.now) >= p.dailyCap) return { kind: 'defer', referral: { dueAt: shopDayStart(f.now, 1) } };
  const n = (inviter.referralsSettledTotal ?? (inviter.referralsSettled ?? []).length) + 1;
  const step = f.templates.get(inviterStepFor(p, n) ?? '');
  const pass = f.templates.get(p.passTemplateId);
  const cost = step?.active ? rewardCostFen(step) : 0;
  if (f.budgetSpentFen + cost > p.monthlyBudgetFen) return { kind: 'defer', referral: { dueAt: shopMonthStart(addMonths(f.now, 1)) } };
  const issue = (t: CouponTemplate | undefined, memberId: string) => (t?.active ? [couponFrom(t, f.couponId(t._id, memberId), memberId, f.now)] : []);
  const tier = planSettledReferral(inviter, r._id, f.now, f.now)!;
  return {
    kind: 'settle',
    referral: { status: 'settled', settledAt: f.now, dueAt: null },
    coupons: [...issue(pass, invitee._id), ...issue(pass, inviter._id), ...issue(step, inviter._id)],
    inviterId: inviter._id,
    inviterChanges: tier.changes ?? {},
    budget: { monthKey: shopMonthKey(f.now), spentFen: f.budgetSpentFen + cost },
    tierChanged: tier.outcome.tierChanged,
  };
}
