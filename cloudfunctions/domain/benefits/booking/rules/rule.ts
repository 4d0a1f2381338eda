import type { TierCode } from '../../../../contract';

/** What a booking decision is judged on, as of one moment. */
export interface BookingFacts {
  now: Date;
  tier: TierCode;
  /** "再消费 ¥601 升级成长者" (null at the top tier) */
  nextTierText: string | null;
  /** the member's bookings still to come (state booked, start in the future) */
  upcoming: number;
  /** when the member's no-shows that count (the last 120 days) were due */
  noShows: Date[];
  /** the slot asked for, if any */
  slot: { startAt: Date; bookingId: string | null } | null;
}

export interface BookingRefusal {
  code: 'NOT_CLAIMABLE' | 'LIMIT_REACHED' | 'CONFLICT' | 'NOT_FOUND';
  message: string;
}

/** One rule of booking (Vendure's shape): a stable code and a check that says why not, or null. */
export interface BookingRule {
  code: string;
  check(f: BookingFacts): BookingRefusal | null;
}
