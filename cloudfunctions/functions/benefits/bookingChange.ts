import { failure, success } from '../../contract';
import type { benefitsBookingContract } from '../../contract/benefitsBooking';
import { findBooking, findSlot, moveBookingTo, moveSeat, releaseSlot, takeSlot } from '../../data/bookings';
import { changeRefusal } from '../../domain/benefits/booking/changeWindow';
import { firstRefusal, MOVE_RULES } from '../../domain/benefits/booking/rules';
import type { Handlers } from '../../platform/handler';
import { bookingViews, memberBookings } from './bookingRead';
import { cancelBooking } from './cancel';

type C = typeof benefitsBookingContract;

export const bookingChangeHandlers: Pick<Handlers<C>, 'cancelBooking' | 'moveBooking'> = {
  /** Cancels the member's booking until 2 hours before; the slot and the seat are given back. A repeat answers as it is. */
  async cancelBooking(input, ctx) {
    const mine = await memberBookings(ctx);
    if (!mine.ok) return mine;
    const { member } = mine.value;
    const booking = await findBooking(ctx.db, input.bookingId);
    if (!booking || booking.memberId !== member._id) return failure('NOT_FOUND', '没有这个预约');
    if (booking.state !== 'cancelled' || booking.cancelledBy !== 'member') {
      const refusal = changeRefusal(booking, ctx.now);
      if (refusal) return failure('NOT_CLAIMABLE', refusal);
      await cancelBooking(ctx.db, booking, 'member', '你已取消', ctx.now);
    }
    const now = (await findBooking(ctx.db, booking._id))!;
    return success({ booking: (await bookingViews(ctx.db, member._id, [now], ctx.now))[0]! });
  },

  /** Moves a booking to another free slot until 2 hours before: the new slot is taken first (conditional), then the old one freed. */
  async moveBooking(input, ctx) {
    const mine = await memberBookings(ctx);
    if (!mine.ok) return mine;
    const { member } = mine.value;
    const [booking, slot] = await Promise.all([findBooking(ctx.db, input.bookingId), findSlot(ctx.db, input.slotId)]);
    if (!booking || booking.memberId !== member._id) return failure('NOT_FOUND', '没有这个预约');
    if (booking.slotId !== input.slotId) {
      const window = changeRefusal(booking, ctx.now);
      if (window) return failure('NOT_CLAIMABLE', window);
      const refusal = firstRefusal(MOVE_RULES, mine.value.facts(slot && { startAt: slot.startAt, bookingId: slot.bookingId }));
      if (refusal) return failure(refusal.code, refusal.message);
      if (!(await takeSlot(ctx.db, slot!._id, booking._id, ctx.now))) return failure('CONFLICT', '这个时段刚被约走了，请另选时间');
      if (!(await moveBookingTo(ctx.db, booking, slot!))) {
        await releaseSlot(ctx.db, slot!._id, booking._id);
        return failure('CONFLICT', '这个预约刚刚有了变化，请刷新后再试');
      }
      await Promise.all([releaseSlot(ctx.db, booking.slotId, booking._id), moveSeat(ctx.db, member._id, booking._id, slot!.startAt)]);
    }
    const now = (await findBooking(ctx.db, booking._id))!;
    return success({ booking: (await bookingViews(ctx.db, member._id, [now], ctx.now))[0]! });
  },
};
