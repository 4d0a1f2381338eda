import type { ReferralProgramme } from './programme';
import type { Referral } from './referral';

const DAY_MS = 86_400_000;

/**
 * The invitee's first paid order decides the referral: at least the programme's minimum, and it
 * qualifies — due to settle once the return window is over; below it, the referral is void (the
 * friend's real purchase is what is rewarded, not a token one). Null: nothing changes (not a
 * first paid order, or the referral already decided).
 */
export function qualifyOnFirstOrder(
  r: Referral | null,
  p: Pick<ReferralProgramme, 'minOrderFen' | 'returnWindowDays'> | null,
  order: { key: string; paidFen: number; at: Date; firstPaid: boolean },
): Partial<Referral> | null {
  if (!r || !p || r.status !== 'joined' || !order.firstPaid) return null;
  // the wait for a first order is over, whether or not the job has looked yet
  if (r.dueAt && order.at.getTime() > r.dueAt.getTime()) return { status: 'void', voidReason: 'noOrder', dueAt: null };
  if (order.paidFen < p.minOrderFen) return { status: 'void', voidReason: 'belowMinimum', orderKey: order.key, orderPaidFen: order.paidFen, dueAt: null };
  return { status: 'qualified', orderKey: order.key, orderPaidFen: order.paidFen, dueAt: new Date(order.at.getTime() + p.returnWindowDays * DAY_MS) };
}
