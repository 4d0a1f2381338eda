import type { TierCode } from '../../contract';
import { bookingsOfMemberSince, endBooking, releaseSeat, releaseSlot } from '../../data/bookings';
import { eventsByIds, signUpsOfMember } from '../../data/events';
import { type Booking, type CancelledBy, TIER_LOST_REASON } from '../../domain/benefits/booking/booking';
import { mayBook } from '../../domain/benefits/booking/rules/tierAtLeastGrower';
import { SIGN_UP_TIER_LOST_REASON } from '../../domain/benefits/events/event';
import type { Database } from '../../platform/cloud';
import { cancelSignUp } from './eventSeats';

/**
 * Cancels a booking still booked (a conditional update: once), then gives back its slot and seat —
 * each only if this booking holds it, so a retry after a crash finishes the job and frees nothing else.
 */
export async function cancelBooking(db: Database, booking: Booking, by: CancelledBy, reason: string, now: Date): Promise<void> {
  if (booking.state === 'booked') await endBooking(db, booking._id, 'cancelled', now, { by, reason });
  await Promise.all([releaseSlot(db, booking.slotId, booking._id), releaseSeat(db, booking.memberId, booking._id)]);
}

/**
 * After a member's tier fell (a refund, the yearly review): the services the new tier no longer
 * gives are cancelled by the brand — stylist bookings ahead below 成长者 (with the reason they see
 * in 我的预约), and seats or waiting places at events still to come that do not admit the new tier
 * (the seat goes to the waiting list, as any cancellation's). Retry-safe: a rerun finds nothing left.
 */
export async function cancelServicesOnTierLoss(db: Database, memberId: string, tier: TierCode, now: Date): Promise<void> {
  if (!mayBook(tier)) {
    const ahead = (await bookingsOfMemberSince(db, memberId, now)).filter((b) => b.state === 'booked');
    await Promise.all(ahead.map((b) => cancelBooking(db, b, 'brand', TIER_LOST_REASON, now)));
  }
  const held = (await signUpsOfMember(db, memberId)).filter((s) => s.state !== 'cancelled');
  if (held.length === 0) return;
  const events = await eventsByIds(db, [...new Set(held.map((s) => s.eventId))]);
  for (const e of events) {
    const s = held.find((h) => h.eventId === e._id)!;
    const admitted = tier !== 'explorer' && (e.tiers as readonly string[]).includes(tier);
    if (!admitted && e.startsAt.getTime() > now.getTime()) await cancelSignUp(db, e, s, now, SIGN_UP_TIER_LOST_REASON);
  }
}
