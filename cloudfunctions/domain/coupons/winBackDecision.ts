import type { Member } from '../member';
import { shopDayKey } from '../time';
import { winBackDueAt } from './events';
import { purchaseCycleDays } from './winBackCycle';

export type WinBackDecision =
  /** the coupon of this lapse (named by the day of the last purchase: once per cycle) */
  | { kind: 'issue'; lapseKey: string }
  /** not yet by the member's own cycle: the due date moves there (members whose date was set by the older fixed rule) */
  | { kind: 'move'; to: Date }
  | { kind: 'none' };

/**
 * What the win-back job does with a member it found due: the due date is judged again by the rule
 * as it stands now (their own cycle, else 30 days), so a date written before their third purchase
 * or by an older rule never issues early.
 */
export function winBackDecision(m: Pick<Member, 'lastOrderAt' | 'lastWinBackAt' | 'spendDays' | 'winBackDueAt'>, now: Date): WinBackDecision {
  if (!m.lastOrderAt) return { kind: 'none' };
  const due = winBackDueAt(m.lastOrderAt, m.lastWinBackAt ?? null, purchaseCycleDays(m.spendDays));
  if (!due) return { kind: 'none' };
  if (due.getTime() > now.getTime()) return { kind: 'move', to: due };
  return { kind: 'issue', lapseKey: shopDayKey(m.lastOrderAt) };
}
