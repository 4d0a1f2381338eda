import { noShowPause } from './noShowPause';
import type { BookingFacts, BookingRefusal, BookingRule } from './rule';
import { slotOpen } from './slotOpen';
import { tierAtLeastGrower } from './tierAtLeastGrower';
import { upcomingLimit } from './upcomingLimit';

/** Who may hold a booking at all (the booking page's eligibility), then what a new booking needs. */
export const MEMBER_RULES: readonly BookingRule[] = [tierAtLeastGrower, noShowPause];
export const BOOK_RULES: readonly BookingRule[] = [...MEMBER_RULES, upcomingLimit, slotOpen];
/** Moving keeps the seat: the upcoming limit does not apply. */
export const MOVE_RULES: readonly BookingRule[] = [...MEMBER_RULES, slotOpen];

export function firstRefusal(rules: readonly BookingRule[], f: BookingFacts): BookingRefusal | null {
  for (const rule of rules) {
    const refusal = rule.check(f);
    if (refusal) return refusal;
  }
  return null;
}
