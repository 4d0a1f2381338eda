import { failure, success } from '../../contract';
import type { benefitsEventsContract } from '../../contract/benefitsEvents';
import { eventsByIds, findEvent, findSignUp, insertSignUp, moveSignUp, signUpsOfMember, upcomingEventsOfStore, waitingPlace } from '../../data/events';
import { findMemberByOpenid } from '../../data/members';
import { type EventSignUp, type PrivateEvent, signUpIdOf } from '../../domain/benefits/events/event';
import { joinVerdict, mayJoin } from '../../domain/benefits/events/joinRules';
import { unlockRoute } from '../../domain/benefits/events/unlock';
import { cancelProblem, eventCore, eventsForMember, memberEventView } from '../../domain/benefits/events/views';
import { isLeaving, type Member, notMember, tierRecordOf } from '../../domain/member';
import { figuresAsOf } from '../../domain/standing';
import { toIso } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/handler';
import { cancelSignUp, fillSeats } from './eventSeats';
import { eventsStaffHandlers } from './eventsStaff';

type EventsContract = typeof benefitsEventsContract;

async function memberOf(db: Database, openid: string): Promise<Member | null> {
  const m = await findMemberByOpenid(db, openid);
  return m && !isLeaving(m) ? m : null;
}

/** One event as this member sees it now (their sign-up, place on the waiting list, how to unlock). */
async function viewFor(db: Database, m: Member, e: PrivateEvent, s: EventSignUp | null, now: Date) {
  const held = s && s.state !== 'cancelled' ? s : null;
  const position = held?.state === 'waiting' ? await waitingPlace(db, held) : null;
  const verdict = joinVerdict({ event: e, tier: m.tier, unlockRoute: unlockRoute(m.tier, e.tiers, figuresAsOf(tierRecordOf(m), now)), signUp: held?.state ?? null, waitingPosition: position, now });
  return memberEventView(e, verdict, held, position);
}

const memberEventsHandlers: Pick<Handlers<EventsContract>, 'events' | 'signUp' | 'cancelSignUp' | 'myPass'> = {
  /** The home store's events to come and those the member signed up for, each with the member's state. */
  async events(_input, ctx) {
    const m = await memberOf(ctx.db, ctx.openid);
    if (!m) return notMember();
    const [home, mine] = await Promise.all([upcomingEventsOfStore(ctx.db, m.homeStore.storeId, ctx.now), signUpsOfMember(ctx.db, m._id)]);
    const elsewhere = mine.filter((s) => s.state !== 'cancelled' && !home.some((e) => e._id === s.eventId)).map((s) => s.eventId);
    const list = eventsForMember(home, await eventsByIds(ctx.db, elsewhere), ctx.now);
    const events = await Promise.all(list.map((e) => viewFor(ctx.db, m, e, mine.find((s) => s.eventId === e._id) ?? null, ctx.now)));
    return success({ events });
  },

  /**
   * Signs up: the member joins the list as waiting (one document per member and event: a double
   * tap makes one), then a fill hands free seats to the list in its order. 200 at once for 30 seats
   * end as 30 seats and 170 waiting in order. Signing up again answers the sign-up held.
   */
  async signUp(input, ctx) {
    const m = await memberOf(ctx.db, ctx.openid);
    if (!m) return notMember();
    const id = signUpIdOf(input.eventId, m._id);
    const [e, held] = await Promise.all([findEvent(ctx.db, input.eventId), findSignUp(ctx.db, id)]);
    if (!e) return failure('NOT_FOUND', 'no such event');
    const before = await viewFor(ctx.db, m, e, held, ctx.now);
    if (before.state === 'signedUp' || before.state === 'waiting') return success({ event: before });
    if (!mayJoin({ state: before.state, text: before.stateText, hint: before.hint })) return failure('NOT_CLAIMABLE', `${before.stateText}${before.hint ? `：${before.hint}` : ''}`);
    const seq = ctx.now.getTime();
    const fresh: EventSignUp = { _id: id, eventId: e._id, storeId: e.storeId, memberId: m._id, state: 'waiting', seq, createdAt: ctx.now, changedAt: ctx.now, checkedInAt: null, checkedInBy: null };
    // a cancelled sign-up is taken up again with a new place at the end; a parallel tap of the same member loses here and answers what the other made
    if (held) await moveSignUp(ctx.db, id, 'cancelled', { state: 'waiting', seq, changedAt: ctx.now, checkedInAt: null, checkedInBy: null });
    else await insertSignUp(ctx.db, fresh);
    await fillSeats(ctx.db, e, ctx.now);
    const [after, now] = await Promise.all([findEvent(ctx.db, e._id), findSignUp(ctx.db, id)]);
    return success({ event: await viewFor(ctx.db, m, after ?? e, now, ctx.now) });
  },

  /** Cancels until the event starts; a freed seat moves exactly one waiting member up. */
  async cancelSignUp(input, ctx) {
    const m = await memberOf(ctx.db, ctx.openid);
    if (!m) return notMember();
    const e = await findEvent(ctx.db, input.eventId);
    if (!e) return failure('NOT_FOUND', 'no such event');
    const s = await findSignUp(ctx.db, signUpIdOf(e._id, m._id));
    const problem = cancelProblem(e, s, ctx.now);
    if (problem) return failure(s && s.state !== 'cancelled' ? 'NOT_CLAIMABLE' : 'NOT_FOUND', problem);
    const now = await cancelSignUp(ctx.db, e, s!, ctx.now);
    const after = (await findEvent(ctx.db, e._id)) ?? e;
    return success({ event: await viewFor(ctx.db, m, after, now, ctx.now) });
  },

  /** The pass of a member holding a seat: the event, when and where, and how the store checks in. */
  async myPass(input, ctx) {
    const m = await memberOf(ctx.db, ctx.openid);
    if (!m) return notMember();
    const [e, s] = await Promise.all([findEvent(ctx.db, input.eventId), findSignUp(ctx.db, signUpIdOf(input.eventId, m._id))]);
    if (!e || !s || s.state !== 'seat') return failure('NOT_FOUND', 'no seat held for this event');
    return success({
      event: eventCore(e),
      nickname: m.nickname,
      memberId: m._id,
      checkedInAt: s.checkedInAt ? toIso(s.checkedInAt) : null,
      howToCheckIn: '到店后打开「会员卡」出示会员码，店员扫码即完成签到',
    });
  },
};

export const eventsHandlers: Handlers<EventsContract> = { ...memberEventsHandlers, ...eventsStaffHandlers };
