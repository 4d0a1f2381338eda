import type { Member } from '../../member';
import type { StaffLook } from '../../staff/audit';

/** A clerk who looked up the member's live code at the till this long before the payment served that order. */
export const SERVED_BEFORE_MS = 2 * 3_600_000;
/** … or just after it (the clerk checks the receipt): a few minutes. */
export const SERVED_AFTER_MS = 10 * 60_000;
const SERVING_VIEWS: ReadonlySet<StaffLook['view']> = new Set(['lookup', 'counterCheck']);

/**
 * Whose NPS an answer counts for: the clerk who served the order (the latest look-up of the member's
 * code at that store around the payment), else the clerk who signed the member up at that store, else
 * nobody (the store only). A clerk of another store is never credited with this store's order.
 */
export function servedBy(order: { storeId: string; paidAt: Date }, looks: readonly StaffLook[], member: Pick<Member, 'signedUpBy'>): string | null {
  const from = order.paidAt.getTime() - SERVED_BEFORE_MS;
  const until = order.paidAt.getTime() + SERVED_AFTER_MS;
  const serving = looks
    .filter((l) => l.storeId === order.storeId && SERVING_VIEWS.has(l.view) && l.at.getTime() >= from && l.at.getTime() <= until)
    .sort((a, b) => Math.abs(a.at.getTime() - order.paidAt.getTime()) - Math.abs(b.at.getTime() - order.paidAt.getTime()));
  if (serving[0]) return serving[0].staffId;
  const s = member.signedUpBy;
  return s && s.storeId === order.storeId ? s.staffId : null;
}
