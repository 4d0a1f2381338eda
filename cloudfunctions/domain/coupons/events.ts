import type { TierCode } from '../../contract';
import { cycleTiming } from './winBackCycle';

/**
 * The templates issued on an event have well-known ids: the brand changes the welcome offer by
 * editing that template's document (coupons already issued keep what they copied). A known id lets
 * the till order's transaction read the first-order template by doc(id), the only read a
 * CloudBase transaction takes part in.
 */
export const EVENT_TEMPLATES = {
  /** 首单8折券: issued on joining */
  join: 'welcome-80',
  /** ¥5 when a member opts in to marketing, once ever */
  optIn: 'marketing-opt-in-5',
  /** 第二件半价: issued after the first paid order, valid 72 h */
  secondItem: 'second-item-half',
  /** 回归礼 ¥30: after 1.5 × the member's own purchase cycle (≥ 3 purchases), else 30 days without a purchase; once per cycle (else 90 days) */
  winBack: 'win-back-30',
} as const;

/** The birthday gift grows with the tier. */
export const BIRTHDAY_TEMPLATES: Record<TierCode, string> = {
  explorer: 'birthday-explorer',
  grower: 'birthday-grower',
  loyal: 'birthday-loyal',
};

/** Win-back without a purchase cycle of their own (< 3 purchase days): 30 days without buying, at most once per 90 days. */
export const WIN_BACK_AFTER_DAYS = 30;
export const WIN_BACK_GAP_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * When a member becomes due for a win-back coupon. With a purchase cycle of their own (≥ 3
 * purchase days: winBackCycle.ts) 1.5 × the cycle after the last purchase, not within one cycle of
 * the last win-back; without one, 30 days after the last purchase, not within 90 days of the last
 * win-back. Null for members who never bought (the welcome coupon is theirs).
 */
export function winBackDueAt(lastOrderAt: Date | null, lastWinBackAt: Date | null, cycleDays: number | null = null): Date | null {
  if (!lastOrderAt) return null;
  const { afterMs, gapMs } = cycleDays === null ? { afterMs: WIN_BACK_AFTER_DAYS * DAY_MS, gapMs: WIN_BACK_GAP_DAYS * DAY_MS } : cycleTiming(cycleDays);
  const afterLapse = lastOrderAt.getTime() + afterMs;
  const afterGap = lastWinBackAt ? lastWinBackAt.getTime() + gapMs : 0;
  return new Date(Math.max(afterLapse, afterGap));
}
