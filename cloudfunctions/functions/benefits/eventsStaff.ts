import { failure, success } from '../../contract';
import type { benefitsEventsContract } from '../../contract/benefitsEvents';
import { checkInSignUp, countSignUps, eventsOfStore, findEvent, findSignUp, insertEvent, ordersOfMembersBetween, signUpsInState } from '../../data/events';
import { membersByIds } from '../../data/members';
import { recordLook, recordLooks } from '../../data/staffAudit';
import { findStore } from '../../data/stores';
import { draftProblem, newEvent, sameDraft } from '../../domain/benefits/events/draft';
import { checkInProblem, doorOpen } from '../../domain/benefits/events/checkIn';
import { type PrivateEvent, signUpIdOf } from '../../domain/benefits/events/event';
import { attendeeSales, salesWindow } from '../../domain/benefits/events/figures';
import { staffEventView } from '../../domain/benefits/events/views';
import type { Member } from '../../domain/member';
import { MANAGERS } from '../../domain/staff/access';
import { staffLook } from '../../domain/staff/audit';
import type { Staff } from '../../domain/staff/staff';
import { tierOf } from '../../domain/tiers';
import { toIso } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import type { ActionContext, Handlers } from '../../platform/handler';
import { staffCaller } from '../staff/caller';
import { atCounter } from '../staff/counter';

type EventsContract = typeof benefitsEventsContract;

async function counts(db: Database, e: PrivateEvent) {
  const _ = db.command;
  const [seated, waiting, checkedIn] = await Promise.all([
    countSignUps(db, { eventId: e._id, state: 'seat' }),
    countSignUps(db, { eventId: e._id, state: 'waiting' }),
    countSignUps(db, { eventId: e._id, state: 'seat', checkedInAt: _.neq(null) }),
  ]);
  return { seated, waiting, checkedIn };
}

/** The calling manager and an event of their own store (another store's is not found). */
async function managersEvent(ctx: ActionContext, eventId: string) {
  const staff = await staffCaller(ctx, MANAGERS);
  if (!staff.ok) return staff;
  const e = await findEvent(ctx.db, eventId);
  if (!e || e.storeId !== staff.value.storeId) return failure('NOT_FOUND', 'no such event at this store');
  return success<{ staff: Staff; event: PrivateEvent }>({ staff: staff.value, event: e });
}

const reusedRequest = () => failure('CONFLICT', '这个请求编号已用于另一场活动，请刷新后重新创建');

/** What staff see of a member: masked, no openid. */
const attendee = (m: Member | undefined, memberId: string) => ({ memberId, nickname: m?.nickname ?? null, phoneMasked: m?.phoneMasked ?? null, tierName: m ? tierOf(m.tier).name : '已退出' });

export const eventsStaffHandlers: Pick<Handlers<EventsContract>, 'createEvent' | 'storeEvents' | 'eventSignUps' | 'checkIn' | 'eventFigures'> = {
  /**
   * A manager creates an event at their own store. The same requestId with the same content answers
   * the event made (judged as of its creation: nothing is written twice); with other content it is
   * CONFLICT, never the old event passed off as the new one.
   */
  async createEvent(input, ctx) {
    const staff = await staffCaller(ctx, MANAGERS);
    if (!staff.ok) return staff;
    const store = await findStore(ctx.db, staff.value.storeId);
    if (!store) return failure('NOT_FOUND', 'the manager’s store is not found');
    const draft = { ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), signUpFrom: new Date(input.signUpFrom), signUpUntil: new Date(input.signUpUntil) };
    const drafted = newEvent(draft, { storeId: store._id, name: store.name, address: store.address }, { staffId: staff.value._id, name: staff.value.name }, ctx.now);
    const made = await findEvent(ctx.db, drafted._id);
    if (made) return sameDraft(made, drafted) ? success({ event: staffEventView(made, await counts(ctx.db, made)), createdNow: false }) : reusedRequest();
    const problem = draftProblem(draft, ctx.now);
    if (problem) return failure('INVALID_INPUT', problem);
    const created = (await insertEvent(ctx.db, drafted)) === 'created';
    const e = created ? drafted : await findEvent(ctx.db, drafted._id);
    if (!e || !sameDraft(e, drafted)) return reusedRequest();
    return success({ event: staffEventView(e, await counts(ctx.db, e)), createdNow: created });
  },

  /** The store's events, the latest first, each with its sign-ups, waiting list and check-ins counted. */
  async storeEvents(_input, ctx) {
    const staff = await staffCaller(ctx, MANAGERS);
    if (!staff.ok) return staff;
    const list = await eventsOfStore(ctx.db, staff.value.storeId, 20);
    return success({ events: await Promise.all(list.map(async (e) => staffEventView(e, await counts(ctx.db, e)))) });
  },

  /** Who holds a seat (and who checked in) and the waiting list in order: masked, each a look the audit log records. */
  async eventSignUps(input, ctx) {
    const found = await managersEvent(ctx, input.eventId);
    if (!found.ok) return found;
    const { staff, event: e } = found.value;
    const [seated, waiting] = await Promise.all([signUpsInState(ctx.db, e._id, 'seat'), signUpsInState(ctx.db, e._id, 'waiting')]);
    const ids = [...seated, ...waiting].map((s) => s.memberId);
    const members = new Map((await membersByIds(ctx.db, ids)).map((m) => [m._id, m]));
    await recordLooks(ctx.db, ids.map((id) => staffLook(staff, id, 'lookup', `私享会报名名单「${e.title}」`, ctx.now, `${e._id}:${id}`)));
    return success({
      event: staffEventView(e, { seated: seated.length, waiting: waiting.length, checkedIn: seated.filter((s) => s.checkedInAt).length }),
      seated: seated.map((s) => ({ ...attendee(members.get(s.memberId), s.memberId), checkedInAt: s.checkedInAt ? toIso(s.checkedInAt) : null })),
      waiting: waiting.map((s, i) => ({ ...attendee(members.get(s.memberId), s.memberId), position: i + 1 })),
    });
  },

  /** Checks in the member whose live code the store scanned, once (ten taps at once check in one), if they hold a seat and their tier today is still one the event is for. */
  async checkIn(input, ctx) {
    const found = await managersEvent(ctx, input.eventId);
    if (!found.ok) return found;
    const { event: e } = found.value;
    const closed = doorOpen(e, ctx.now);
    if (closed) return failure(closed.code, closed.message);
    const at = await atCounter(ctx.db, ctx.openid, input.code, ctx.now);
    if (!at.ok) return at;
    const { staff, member } = at.value;
    const s = await findSignUp(ctx.db, signUpIdOf(e._id, member._id));
    const problem = checkInProblem({ event: e, now: ctx.now, signUp: s, tier: member.tier });
    if (problem || !s) return failure(problem?.code ?? 'NOT_FOUND', problem?.message ?? '这位会员没有报名本场活动'); // seatHeld refuses a missing sign-up
    if (!(await checkInSignUp(ctx.db, s._id, ctx.now, staff.name))) return failure('CONFLICT', '这位会员已签到');
    await recordLook(ctx.db, staffLook(staff, member._id, 'counterCheck', `私享会签到「${e.title}」`, ctx.now, s._id));
    return success({ ...attendee(member, member._id), checkedInAt: toIso(ctx.now) });
  },

  /** The brand's figures: sign-ups, the waiting list, cancellations, check-ins, and sales to attendees within 7 days. */
  async eventFigures(input, ctx) {
    const found = await managersEvent(ctx, input.eventId);
    if (!found.ok) return found;
    const { event: e } = found.value;
    const [seated, waiting, cancelled] = await Promise.all([signUpsInState(ctx.db, e._id, 'seat'), countSignUps(ctx.db, { eventId: e._id, state: 'waiting' }), countSignUps(ctx.db, { eventId: e._id, state: 'cancelled' })]);
    const attendees = seated.filter((s) => s.checkedInAt).map((s) => s.memberId);
    const window = salesWindow(e.startsAt);
    const orders = await ordersOfMembersBetween(ctx.db, attendees, window.from, window.until);
    const sales = attendeeSales(orders.map((o) => ({ ...o, refundedFen: o.refundedFen ?? 0 })), new Set(attendees), e.startsAt);
    return success({ title: e.title, capacity: e.capacity, signedUp: seated.length, waiting, cancelled, checkedIn: attendees.length, ...sales, salesFrom: toIso(window.from), salesUntil: toIso(window.until) });
  },
};
