import { findSeat, releasePastSeats, seatsOf, takeSeat } from '../../data/bookings';
import { seatIds } from '../../domain/benefits/booking/booking';
import type { Database } from '../../platform/cloud';

/**
 * Takes one of the member's two seats for a booking, by adding it (a unique id decides: five
 * parallel books of one member get at most two). A seat this booking holds (a retry) counts; seats
 * of bookings that have begun (never marked) are freed first. A seat is never judged by the
 * bookings read before: a parallel book holds its seat before its booking is written.
 */
export async function takeOneSeat(db: Database, memberId: string, bookingId: string, startAt: Date, now: Date): Promise<boolean> {
  let seats = await seatsOf(db, memberId);
  if (seats.some((s) => s.bookingId === bookingId)) return true;
  if (seats.some((s) => s.startAt.getTime() <= now.getTime()) && (await releasePastSeats(db, memberId, now)) > 0) seats = await seatsOf(db, memberId);
  const held = new Set(seats.map((s) => s._id));
  for (const id of seatIds(memberId).filter((i) => !held.has(i))) {
    if ((await takeSeat(db, { _id: id, memberId, bookingId, startAt })) === 'created') return true;
    // a parallel retry of this very booking may have taken it
    if ((await findSeat(db, id))?.bookingId === bookingId) return true;
  }
  return false;
}
