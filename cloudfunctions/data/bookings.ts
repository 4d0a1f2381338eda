import type { Booking, BookingSeat, BookingSlot, CancelledBy } from '../domain/benefits/booking/booking';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { allByIdCursor, documents, dueFilter, findById, PAGE_MAX, removedCount, updatedCount } from './read';

/**
 * Stylist slots, members' bookings and their two booking seats. A slot is taken by a conditional
 * update of its bookingId (null → the booking); a seat by adding its id (`<memberId>:1|2`): 50
 * members racing for one slot, or one member booking 5 at once, are decided here, never by a read.
 */

export async function insertSlots(db: Database, slots: BookingSlot[]): Promise<void> {
  await Promise.all(slots.map((s) => addOnce(db, COLLECTIONS.bookingSlots, s)));
}

export const findSlot = (db: Database, slotId: string) => findById<BookingSlot>(db, COLLECTIONS.bookingSlots, slotId);

export async function slotsOfStoreDay(db: Database, storeId: string, day: string): Promise<BookingSlot[]> {
  return documents<BookingSlot>(db.collection(COLLECTIONS.bookingSlots).where({ storeId, day }).orderBy('startAt', 'asc').limit(PAGE_MAX));
}

/** How many free slots each store has starting in (from, until]: one aggregation, however many stores publish. */
export async function freeSlotCountsByStore(db: Database, from: Date, until: Date): Promise<Map<string, number>> {
  const _ = db.command;
  const $ = _.aggregate;
  const res = (await db
    .collection(COLLECTIONS.bookingSlots)
    .aggregate()
    .match({ bookingId: null, startAt: _.gt(from).and(_.lte(until)) })
    .group({ _id: '$storeId', free: $.sum(1) })
    .end()) as { list: Array<{ _id: string; free: number }> };
  return new Map(res.list.map((g) => [g._id, g.free]));
}

/** One store's free slots starting in (from, until], soonest first (the booking page's days and slots). */
export async function freeSlotsOfStore(db: Database, storeId: string, from: Date, until: Date): Promise<BookingSlot[]> {
  const _ = db.command;
  return documents<BookingSlot>(
    db.collection(COLLECTIONS.bookingSlots).where({ storeId, bookingId: null, startAt: _.gt(from).and(_.lte(until)) }).orderBy('startAt', 'asc').limit(PAGE_MAX),
  );
}

/** Takes a free slot that has not started for a booking: true for exactly one of any number of racers. */
export async function takeSlot(db: Database, slotId: string, bookingId: string, now: Date): Promise<boolean> {
  const _ = db.command;
  const res = await db.collection(COLLECTIONS.bookingSlots).where({ _id: slotId, bookingId: null, startAt: _.gt(now) }).update({ data: { bookingId } });
  return updatedCount(res) === 1;
}

/** Frees a slot if (and only if) this booking holds it: a retry frees nothing another booking took since. */
export async function releaseSlot(db: Database, slotId: string, bookingId: string): Promise<void> {
  await db.collection(COLLECTIONS.bookingSlots).where({ _id: slotId, bookingId }).update({ data: { bookingId: null } });
}

export const findBooking = (db: Database, bookingId: string) => findById<Booking>(db, COLLECTIONS.bookings, bookingId);

export async function insertBooking(db: Database, booking: Booking): Promise<void> {
  await addOnce(db, COLLECTIONS.bookings, booking);
}

export async function bookingsByIds(db: Database, ids: string[]): Promise<Booking[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return documents<Booking>(db.collection(COLLECTIONS.bookings).where({ _id: _.in(ids) }).limit(PAGE_MAX));
}

/** A member's bookings starting after `since` (the last 120 days and everything ahead), newest first. */
export async function bookingsOfMemberSince(db: Database, memberId: string, since: Date): Promise<Booking[]> {
  const _ = db.command;
  return documents<Booking>(db.collection(COLLECTIONS.bookings).where({ memberId, startAt: _.gt(since) }).orderBy('startAt', 'desc').limit(100));
}

/** Every booking the member made, in `_id` order, paged (their export). */
export const allBookingsOf = (db: Database, memberId: string) => allByIdCursor<Booking>(db, COLLECTIONS.bookings, { memberId });

/** A batch of bookings still booked that start in (from, until], after the cursor, in id order (the day-before reminder). */
export async function bookedStartingBetween(db: Database, range: { from: Date; until: Date }, after: string | null, limit: number): Promise<Booking[]> {
  return documents<Booking>(db.collection(COLLECTIONS.bookings).where(dueFilter(db, 'startAt', range, after, { state: 'booked' })).orderBy('_id', 'asc').limit(limit));
}

/** Ends a booking that is still booked (cancelled, done, no-show): true for the one call that did it. */
export async function endBooking(db: Database, bookingId: string, state: Exclude<Booking['state'], 'booked'>, now: Date, cancelled?: { by: CancelledBy; reason: string }): Promise<boolean> {
  const data = { state, endedAt: now, cancelledBy: cancelled?.by ?? null, cancelReason: cancelled?.reason ?? null };
  const res = await db.collection(COLLECTIONS.bookings).where({ _id: bookingId, state: 'booked' }).update({ data });
  return updatedCount(res) === 1;
}

/** Moves a still-booked booking from the slot it holds to another (already taken for it). */
export async function moveBookingTo(db: Database, booking: Booking, slot: BookingSlot): Promise<boolean> {
  const res = await db
    .collection(COLLECTIONS.bookings)
    .where({ _id: booking._id, state: 'booked', slotId: booking.slotId })
    .update({ data: { slotId: slot._id, storeId: slot.storeId, stylistId: slot.stylistId, stylistName: slot.stylistName, startAt: slot.startAt, endAt: slot.endAt } });
  return updatedCount(res) === 1;
}

export async function seatsOf(db: Database, memberId: string): Promise<BookingSeat[]> {
  return documents<BookingSeat>(db.collection(COLLECTIONS.bookingSeats).where({ memberId }).limit(10));
}

export const findSeat = (db: Database, seatId: string) => findById<BookingSeat>(db, COLLECTIONS.bookingSeats, seatId);

/** Takes one seat by adding it: 'duplicate' when someone holds it already. */
export const takeSeat = (db: Database, seat: BookingSeat) => addOnce(db, COLLECTIONS.bookingSeats, seat);

/** Gives back the seat a booking holds (none when it holds none). */
export async function releaseSeat(db: Database, memberId: string, bookingId: string): Promise<void> {
  await db.collection(COLLECTIONS.bookingSeats).where({ memberId, bookingId }).remove();
}

/** Seats held by bookings that have started (never marked): not upcoming any more. */
export async function releasePastSeats(db: Database, memberId: string, now: Date): Promise<number> {
  const _ = db.command;
  return removedCount(await db.collection(COLLECTIONS.bookingSeats).where({ memberId, startAt: _.lte(now) }).remove());
}

export async function moveSeat(db: Database, memberId: string, bookingId: string, startAt: Date): Promise<void> {
  await db.collection(COLLECTIONS.bookingSeats).where({ memberId, bookingId }).update({ data: { startAt } });
}

/** A leaving member's bookings and seats are erased; the slots their bookings held are free again. */
export async function deleteBookingsOf(db: Database, memberId: string): Promise<void> {
  const mine = await documents<Booking>(db.collection(COLLECTIONS.bookings).where({ memberId }).limit(PAGE_MAX));
  await Promise.all(mine.filter((b) => b.state === 'booked').map((b) => releaseSlot(db, b.slotId, b._id)));
  await db.collection(COLLECTIONS.bookings).where({ memberId }).remove();
  await db.collection(COLLECTIONS.bookingSeats).where({ memberId }).remove();
}
