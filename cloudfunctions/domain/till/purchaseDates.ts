import { winBackDueAt } from '../coupons/events';
import { purchaseCycleDays } from '../coupons/winBackCycle';
import type { SpendDays } from '../spend';
import type { Member } from '../member';

export type PurchaseDates = Pick<Member, 'firstOrderAt' | 'firstOrderKey' | 'lastOrderAt' | 'lastOrderKey' | 'winBackDueAt'>;

/**
 * What an order changes of the member's purchase dates: the first paid order (ends first-order
 * coupons, brings the second-item one), the last purchase and with it when a win-back is due —
 * by the member's own purchase cycle, read from the spend days as the order leaves them.
 */
export function purchaseDates(m: Member, at: Date, payableFen: number, orderKey: string, spendDays: SpendDays = m.spendDays ?? {}): PurchaseDates {
  const first = m.firstOrderAt ? { at: m.firstOrderAt, key: m.firstOrderKey ?? null } : payableFen > 0 ? { at, key: orderKey } : { at: null, key: null };
  const lastOrderAt = m.lastOrderAt && m.lastOrderAt.getTime() > at.getTime() ? m.lastOrderAt : at;
  return { firstOrderAt: first.at, firstOrderKey: first.key, lastOrderAt, lastOrderKey: orderKey, winBackDueAt: winBackDueAt(lastOrderAt, m.lastWinBackAt ?? null, purchaseCycleDays(spendDays)) };
}

/** A whole refund of the member's one and only order: it no longer counts as their first. */
export function undoesFirstOrder(m: Member, orderKey: string, whole: boolean): boolean {
  return whole && m.firstOrderKey === orderKey && m.lastOrderKey === orderKey;
}
