import { bookingsOfMemberSince, endBooking, releaseSeat, releaseSlot } from '../../data/bookings';
import { type Booking, type CancelledBy, TIER_LOST_REASON } from '../../domain/benefits/booking/booking';
import type { Database } from '../../platform/cloud';

/**
 * Cancels a booking still booked (a conditional update: once), then gives back its slot and seat —
 * each only if this booking holds it, so a retry after a crash finishes the job and frees nothing else.
 */
export async function cancelBooking(db: Database, booking: Booking, by: CancelledBy, reason: string, now: Date): Promise<void> {
  if (booking.state === 'booked') await endBooking(db, booking._id, 'cancelled', now, { by, reason });
  await Promise.all([releaseSlot(db, booking.slotId, booking._id), releaseSeat(db, booking.memberId, booking._id)]);
}

/**
 * After a refund took a member below 成长者: their future bookings are cancelled by the brand with
 * the reason they see in 我的预约. Retry-safe (a rerun of the refund finds nothing left booked).
 */
export async function cancelBookingsOnTierLoss(db: Database, memberId: string, now: Date): Promise<number> {
  const ahead = (await bookingsOfMemberSince(db, memberId, now)).filter((b) => b.state === 'booked');
  await Promise.all(ahead.map((b) => cancelBooking(db, b, 'brand', TIER_LOST_REASON, now)));
  return ahead.length;
}
