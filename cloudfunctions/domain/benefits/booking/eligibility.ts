import type { BookingEligibility } from '../../../contract/benefitsBooking';
import { tierOf } from '../../tiers';
import { toIso } from '../../time';
import { BOOKING, type Booking } from './booking';
import { pausedUntil } from './rules/noShowPause';
import { firstRefusal, MEMBER_RULES } from './rules';
import { upcomingLimit } from './rules/upcomingLimit';
import type { BookingFacts } from './rules/rule';

/** The facts the rules judge, from the member's recent and coming bookings. */
export function bookingFacts(member: { tier: BookingFacts['tier'] }, nextTierText: string | null, bookings: Booking[], now: Date, slot: BookingFacts['slot'] = null): BookingFacts {
  return {
    now,
    tier: member.tier,
    nextTierText,
    upcoming: upcomingOf(bookings, now).length,
    noShows: bookings.filter((b) => b.state === 'noShow').map((b) => b.startAt),
    slot,
  };
}

export const upcomingOf = (bookings: Booking[], now: Date) => bookings.filter((b) => b.state === 'booked' && b.startAt.getTime() > now.getTime());

/** The member's standing for booking, in plain words (the booking page's top line). */
export function eligibility(f: BookingFacts): BookingEligibility {
  const tierName = tierOf(f.tier).name;
  const refusal = firstRefusal([...MEMBER_RULES, upcomingLimit], f);
  const until = pausedUntil(f.noShows, f.now);
  return {
    tier: f.tier,
    tierName,
    canBook: refusal === null,
    text: refusal?.message ?? `${tierName}专享：造型师1对1，已约 ${f.upcoming}/${BOOKING.maxUpcoming}`,
    upcoming: f.upcoming,
    maxUpcoming: BOOKING.maxUpcoming,
    pausedUntil: until ? toIso(until) : null,
  };
}
