import { failure, success } from '../../contract';
import type { benefitsBookingContract } from '../../contract/benefitsBooking';
import { BOOKING_SCENE_CHOICES } from '../../contract/benefitsBooking';
import { findBooking, findSlot, freeSlotCountsByStore, freeSlotsOfStore, insertBooking, releaseSeat, takeSlot } from '../../data/bookings';
import { findStore, storesById } from '../../data/stores';
import { findCredits } from '../../data/subscriptions';
import { BOOKING, type Booking, bookableFrom, bookingIdOf, sameRequest } from '../../domain/benefits/booking/booking';
import { eligibility, upcomingOf } from '../../domain/benefits/booking/eligibility';
import { slotChoices, storeChoice } from '../../domain/benefits/booking/options';
import { BOOK_RULES, firstRefusal } from '../../domain/benefits/booking/rules';
import { shopDayStart } from '../../domain/time';
import type { Handlers } from '../../platform/handler';
import { bookingViews, memberBookings, piecesOf } from './bookingRead';
import { takeOneSeat } from './seats';

type C = typeof benefitsBookingContract;

export const bookingMemberHandlers: Pick<Handlers<C>, 'bookingOptions' | 'book' | 'myBookings'> = {
  /** The member's standing in plain words, the stores with free slots, the chosen store's days and day's slots, their pieces. */
  async bookingOptions(input, ctx) {
    const mine = await memberBookings(ctx);
    if (!mine.ok) return mine;
    const { member } = mine.value;
    const until = shopDayStart(ctx.now, BOOKING.daysAhead + 1);
    // slots inside the next 2 hours are not offered: booked, they could no longer be cancelled or moved
    const from = bookableFrom(ctx.now);
    const [perStore, pieces] = await Promise.all([freeSlotCountsByStore(ctx.db, from, until), piecesOf(ctx.db, member._id)]);
    if (input.storeId && !perStore.has(input.storeId) && !(await findStore(ctx.db, input.storeId))) return failure('NOT_FOUND', '没有这个门店');
    const choice = storeChoice(perStore, member.homeStore.storeId, input);
    const [stores, ofStore] = await Promise.all([storesById(ctx.db, choice.storeIds), choice.storeId ? freeSlotsOfStore(ctx.db, choice.storeId, from, until) : Promise.resolve([])]);
    const names = new Map([...stores].map(([id, s]) => [id, s.name]));
    return success({
      eligibility: eligibility(mine.value.facts()),
      ...slotChoices(perStore, names, choice, ofStore, input),
      scenes: [...BOOKING_SCENE_CHOICES],
      pieces: [...pieces].filter(([, p]) => p.active).map(([pieceId, p]) => ({ pieceId, name: p.name, image: p.image })),
    });
  },

  /**
   * Books a slot: the rules (tier, pause, two upcoming, a free slot) say why not in plain words;
   * then a seat of the member's two is taken by adding it, and the slot by a conditional update —
   * a lost race gives the seat back. Keyed by the request: a retry answers the same booking.
   */
  async book(input, ctx) {
    const mine = await memberBookings(ctx);
    if (!mine.ok) return mine;
    const { member } = mine.value;
    const bookingId = bookingIdOf(member._id, input.requestId);
    const [done, slot] = await Promise.all([findBooking(ctx.db, bookingId), findSlot(ctx.db, input.slotId)]);
    if (done && !sameRequest(done, input)) return failure('CONFLICT', 'this requestId was used for another booking');
    if (done) return success({ booking: (await bookingViews(ctx.db, member._id, [done], ctx.now))[0]! });
    const retried = slot?.bookingId === bookingId;
    const refusal = firstRefusal(BOOK_RULES, mine.value.facts(slot && { startAt: slot.startAt, bookingId: retried ? null : slot.bookingId }));
    if (refusal) return failure(refusal.code, refusal.message);
    const pieceIds = [...new Set(input.pieces ?? [])];
    if (pieceIds.length > 0) {
      const pieces = await piecesOf(ctx.db, member._id);
      // another member's piece is as unknown here as one that never was
      if (pieceIds.some((id) => !pieces.get(id)?.active)) return failure('NOT_FOUND', '衣橱里没有这件单品，请重新选择');
    }
    const seat = await takeOneSeat(ctx.db, member._id, bookingId, slot!.startAt, ctx.now);
    if (!seat) return failure('LIMIT_REACHED', `最多同时保留 ${BOOKING.maxUpcoming} 个预约，完成或取消一个后再约`);
    if (!retried && !(await takeSlot(ctx.db, slot!._id, bookingId, ctx.now)) && (await findSlot(ctx.db, slot!._id))?.bookingId !== bookingId) {
      // lost the slot (to another member, not to a parallel retry of this booking): the seat goes back
      await releaseSeat(ctx.db, member._id, bookingId);
      return failure('CONFLICT', '这个时段刚被约走了，请另选时间');
    }
    const booking: Booking = {
      _id: bookingId,
      memberId: member._id,
      storeId: slot!.storeId,
      slotId: slot!._id,
      bookedSlotId: slot!._id,
      stylistId: slot!.stylistId,
      stylistName: slot!.stylistName,
      startAt: slot!.startAt,
      endAt: slot!.endAt,
      scene: input.scene,
      budgetFen: input.budget ?? null,
      pieceIds,
      note: input.note || null,
      state: 'booked',
      createdAt: ctx.now,
      cancelledBy: null,
      cancelReason: null,
      endedAt: null,
    };
    await insertBooking(ctx.db, booking);
    return success({ booking: (await bookingViews(ctx.db, member._id, [booking], ctx.now))[0]! });
  },

  /** Upcoming bookings soonest first; the rest (done, missed, cancelled — with the reason) newest first. */
  async myBookings(_input, ctx) {
    const mine = await memberBookings(ctx);
    if (!mine.ok) return mine;
    const { member, bookings } = mine.value;
    const [views, credits] = await Promise.all([bookingViews(ctx.db, member._id, bookings, ctx.now), findCredits(ctx.db, member._id)]);
    const upcomingIds = new Set(upcomingOf(bookings, ctx.now).map((b) => b._id));
    return success({
      upcoming: views.filter((v) => upcomingIds.has(v.bookingId)).reverse(),
      past: views.filter((v) => !upcomingIds.has(v.bookingId)).slice(0, 20),
      reminders: credits.bookingReminder,
    });
  },
};
