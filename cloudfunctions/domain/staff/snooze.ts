import type { SNOOZE_CHOICES } from '../../contract/staffTodos';
import { shopDayStart } from '../time';

export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** 10:00 shop time: when the store is open and a snoozed to-do comes back. */
const MORNING_MS = 10 * 60 * 60_000;

/** Until when 稍后提醒 puts a to-do away: 2 hours, tomorrow 10:00, or 10:00 in 3 days. */
export function snoozeUntil(choice: SnoozeChoice, now: Date): Date {
  if (choice === 'later') return new Date(now.getTime() + 2 * 60 * 60_000);
  return new Date(shopDayStart(now, choice === 'tomorrow' ? 1 : 3).getTime() + MORNING_MS);
}
