import { failure, success } from '../../contract';
import type { benefitsBookingContract, MySlots } from '../../contract/benefitsBooking';
import { bookingsByIds, claimStretches, endBooking, findBooking, findStylistDay, insertSlots, releaseSeat, slotsOfStoreDay } from '../../data/bookings';
import { findMember, membersByIds } from '../../data/members';
import { recordLooks } from '../../data/staffAudit';
import { findStore } from '../../data/stores';
import { styleReportsOf } from '../../data/style';
import { wardrobeOf } from '../../data/wardrobe';
import { markRefusal } from '../../domain/benefits/booking/changeWindow';
import { mayBook } from '../../domain/benefits/booking/rules/tierAtLeastGrower';
import { planSlots, stylistDays } from '../../domain/benefits/booking/slots';
import { staffSlotView } from '../../domain/benefits/booking/staffDay';
import { dayLabel } from '../../domain/benefits/booking/views';
import { staffLook } from '../../domain/staff/audit';
import type { Staff, StaffRole } from '../../domain/staff/staff';
import { dayKeyInstant, shopDayKey } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import { stylistKeyOf } from '../../platform/holder';
import type { Handlers } from '../../platform/handler';
import { staffCaller } from '../staff/caller';

type C = typeof benefitsBookingContract;

/** Who runs 1v1 sessions: stylists, and managers may too. */
export const STYLISTS: readonly StaffRole[] = ['stylist', 'manager'];
const WHY = '造型师预约';
/** reads and compare-and-sets of a stylist's day before a publish gives up: each lost round means another publish landed */
const PUBLISH_ATTEMPTS = 5;

/** The day list: a stylist sees their own slots, a manager the store's; each booked member is a look in the audit log. */
async function dayList(db: Database, staff: Staff, day: string, now: Date): Promise<MySlots> {
  const [all, store] = await Promise.all([slotsOfStoreDay(db, staff.storeId, day), findStore(db, staff.storeId)]);
  const slots = staff.role === 'manager' ? all : all.filter((s) => s.stylistId === staff._id);
  const bookings = await bookingsByIds(db, slots.flatMap((s) => (s.bookingId ? [s.bookingId] : [])));
  const memberIds = [...new Set(bookings.map((b) => b.memberId))];
  const [members, reports, wardrobes] = await Promise.all([
    membersByIds(db, memberIds),
    Promise.all(memberIds.map(async (id) => [id, (await styleReportsOf(db, id, 1))[0] ?? null] as const)),
    Promise.all(memberIds.map(async (id) => [id, await wardrobeOf(db, id)] as const)),
  ]);
  await recordLooks(db, bookings.map((b) => staffLook(staff, b.memberId, 'memberView', WHY, now, b._id)));
  const byId = new Map(bookings.map((b) => [b._id, b]));
  const memberOf = new Map(members.map((m) => [m._id, m]));
  const reportOf = new Map(reports);
  const wardrobeOfMember = new Map(wardrobes);
  return {
    day,
    dayLabel: dayLabel(dayKeyInstant(day)),
    days: stylistDays(now),
    stylistName: staff.name,
    storeName: store?.name ?? staff.storeId,
    slots: slots.map((s) => {
      const b = s.bookingId ? byId.get(s.bookingId) : undefined;
      return staffSlotView(s, b ? { booking: b, member: memberOf.get(b.memberId) ?? null, report: reportOf.get(b.memberId) ?? null, wardrobe: wardrobeOfMember.get(b.memberId) ?? [] } : null, now);
    }),
  };
}

export const bookingStaffHandlers: Pick<Handlers<C>, 'publishSlots' | 'mySlots' | 'markVisit'> = {
  /** Publishes back-to-back slots for one day at the stylist's store (overlaps with their own refused); answers the day list. */
  async publishSlots(input, ctx) {
    const staff = await staffCaller(ctx, STYLISTS);
    if (!staff.ok) return staff;
    const key = stylistKeyOf(staff.value._id);
    const dayId = `${staff.value.storeId}-${input.day}-${key}`;
    // the stylist's day moves on by compare-and-set: of parallel overlapping publishes one wins, the others read again and are refused
    for (let attempt = 0; attempt < PUBLISH_ATTEMPTS; attempt += 1) {
      const [day, existing] = await Promise.all([findStylistDay(ctx.db, dayId), slotsOfStoreDay(ctx.db, staff.value.storeId, input.day)]);
      // a day first published before its document existed: its stretches are the stylist's slots
      const busy = day?.busy ?? existing.filter((s) => s.stylistId === staff.value._id).map(({ _id, startAt, endAt }) => ({ _id, startAt, endAt }));
      const plan = planSlots(staff.value, key, input, busy, ctx.now);
      if (!plan.ok) return failure('INVALID_INPUT', plan.message);
      const fresh = plan.slots.filter((s) => !busy.some((b) => b._id === s._id));
      if (fresh.length === 0 || (await claimStretches(ctx.db, dayId, day, [...busy, ...fresh.map(({ _id, startAt, endAt }) => ({ _id, startAt, endAt }))]))) {
        // slots are added by their ids: a retry after a crash here adds what is missing, nothing twice
        await insertSlots(ctx.db, plan.slots);
        return success(await dayList(ctx.db, staff.value, input.day, ctx.now));
      }
    }
    return failure('CONFLICT', '同时有其他时段在发布，请刷新后再试');
  },

  async mySlots(input, ctx) {
    const staff = await staffCaller(ctx, STYLISTS);
    if (!staff.ok) return staff;
    return success(await dayList(ctx.db, staff.value, input.day ?? shopDayKey(ctx.now), ctx.now));
  },

  /** 已完成 / 未到店: a booking of the stylist's own slot (the manager: the store's), once (a conditional update); 已完成 needs the member still 成长者 or above. */
  async markVisit(input, ctx) {
    const staff = await staffCaller(ctx, STYLISTS);
    if (!staff.ok) return staff;
    const booking = await findBooking(ctx.db, input.bookingId);
    if (!booking || booking.storeId !== staff.value.storeId) return failure('NOT_FOUND', '本店没有这个预约');
    // a stylist marks the visits of their own slots (they are the ones who know); the manager any of the store's
    if (staff.value.role !== 'manager' && booking.stylistId !== staff.value._id) return failure('FORBIDDEN', '这个预约不在你的时段里，请由接待的造型师或店长标记');
    if (booking.state === input.outcome) return success({ bookingId: booking._id, state: booking.state });
    const member = await findMember(ctx.db, booking.memberId);
    const refusal = markRefusal(booking, input.outcome, member !== null && mayBook(member.tier), ctx.now);
    if (refusal) return failure('NOT_CLAIMABLE', refusal);
    if (!(await endBooking(ctx.db, booking._id, input.outcome, ctx.now))) {
      const now = await findBooking(ctx.db, booking._id);
      return now?.state === input.outcome ? success({ bookingId: booking._id, state: now.state }) : failure('CONFLICT', '这个预约刚刚有了变化，请刷新');
    }
    await releaseSeat(ctx.db, booking.memberId, booking._id);
    return success({ bookingId: booking._id, state: input.outcome });
  },
};
