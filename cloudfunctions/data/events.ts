import type { EventSignUp, PrivateEvent, SignUpState } from '../domain/benefits/events/event';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { allByIdCursor, countWhere, documents, findById, updatedCount } from './read';

/**
 * Private events and their sign-ups (issue 18). Every race is a conditional update or a unique id;
 * the waiting list is in (seq, _id) order, seq being when the sign-up was taken (ms).
 */

export const findEvent = (db: Database, id: string) => findById<PrivateEvent>(db, COLLECTIONS.events, id);
export const insertEvent = (db: Database, e: PrivateEvent) => addOnce(db, COLLECTIONS.events, e);

/** A store's events, the latest start first (the manager's list). */
export const eventsOfStore = (db: Database, storeId: string, limit = 30) =>
  documents<PrivateEvent>(db.collection(COLLECTIONS.events).where({ storeId }).orderBy('startsAt', 'desc').limit(limit));

/** A store's events not over yet, the soonest first (what its members may see). */
export function upcomingEventsOfStore(db: Database, storeId: string, now: Date, limit = 30) {
  const _ = db.command;
  return documents<PrivateEvent>(db.collection(COLLECTIONS.events).where({ storeId, endsAt: _.gt(now) }).orderBy('endsAt', 'asc').limit(limit));
}

export const eventsByIds = (db: Database, ids: string[]) => {
  const _ = db.command;
  return ids.length ? documents<PrivateEvent>(db.collection(COLLECTIONS.events).where({ _id: _.in(ids) }).limit(100)) : Promise.resolve([]);
};

/** One seat, if one is left: a conditional increment never passes the capacity. */
export async function takeSeat(db: Database, eventId: string, capacity: number): Promise<boolean> {
  const _ = db.command;
  return updatedCount(await db.collection(COLLECTIONS.events).where({ _id: eventId, seatsTaken: _.lt(capacity) }).update({ data: { seatsTaken: _.inc(1) } })) === 1;
}

/** Gives a seat back (a cancellation nobody was waiting for, a seat a fill could not hand on). */
export async function giveBackSeat(db: Database, eventId: string): Promise<void> {
  const _ = db.command;
  await db.collection(COLLECTIONS.events).where({ _id: eventId, seatsTaken: _.gt(0) }).update({ data: { seatsTaken: _.inc(-1) } });
}

export const findSignUp = (db: Database, id: string) => findById<EventSignUp>(db, COLLECTIONS.eventSignUps, id);
export const insertSignUp = (db: Database, s: EventSignUp) => addOnce(db, COLLECTIONS.eventSignUps, s);

/** Moves a sign-up from one state to another only if it is still in `from`: true when this call moved it. */
export async function moveSignUp(db: Database, id: string, from: SignUpState, changes: Partial<EventSignUp>): Promise<boolean> {
  return updatedCount(await db.collection(COLLECTIONS.eventSignUps).where({ _id: id, state: from }).update({ data: changes })) === 1;
}

/** Checks a seat holder in once: true for the one call that did. */
export async function checkInSignUp(db: Database, id: string, at: Date, by: string): Promise<boolean> {
  return updatedCount(await db.collection(COLLECTIONS.eventSignUps).where({ _id: id, state: 'seat', checkedInAt: null }).update({ data: { checkedInAt: at, checkedInBy: by } })) === 1;
}

/** The head of the waiting list, in sign-up order. */
export const waitingHead = (db: Database, eventId: string, limit: number) =>
  documents<EventSignUp>(db.collection(COLLECTIONS.eventSignUps).where({ eventId, state: 'waiting' }).orderBy('seq', 'asc').orderBy('_id', 'asc').limit(limit));

/** An event's sign-ups in one state, in sign-up order (at most 1,000: capacity is at most 500). */
export const signUpsInState = (db: Database, eventId: string, state: SignUpState) =>
  documents<EventSignUp>(db.collection(COLLECTIONS.eventSignUps).where({ eventId, state }).orderBy('seq', 'asc').orderBy('_id', 'asc').limit(1000));

export const countSignUps = (db: Database, filter: Record<string, unknown>) => countWhere(db, COLLECTIONS.eventSignUps, filter);

/** 1-based place of a waiting sign-up: how many wait ahead of it (an earlier seq, or the same and a lower id), plus one. */
export async function waitingPlace(db: Database, s: EventSignUp): Promise<number> {
  const _ = db.command;
  const [earlier, tied] = await Promise.all([
    countSignUps(db, { eventId: s.eventId, state: 'waiting', seq: _.lt(s.seq) }),
    countSignUps(db, { eventId: s.eventId, state: 'waiting', seq: s.seq, _id: _.lt(s._id) }),
  ]);
  return earlier + tied + 1;
}

/** The member's sign-ups, newest first. */
export const signUpsOfMember = (db: Database, memberId: string, limit = 50) =>
  documents<EventSignUp>(db.collection(COLLECTIONS.eventSignUps).where({ memberId }).orderBy('createdAt', 'desc').limit(limit));

/** Erases a leaving member's sign-ups. */
/** Every sign-up of the member, in `_id` order, paged (their export). */
export const allSignUpsOf = (db: Database, memberId: string) => allByIdCursor<EventSignUp>(db, COLLECTIONS.eventSignUps, { memberId });

export async function deleteSignUpsOf(db: Database, memberId: string): Promise<void> {
  await db.collection(COLLECTIONS.eventSignUps).where({ memberId }).remove();
}

/** Orders of these members paid in [from, until), for the figures (at most 1,000 per 100 members). */
export async function ordersOfMembersBetween(db: Database, memberIds: string[], from: Date, until: Date) {
  const _ = db.command;
  const out: Array<{ memberId: string; paidAt: Date; amountFen: number; refundedFen: number }> = [];
  for (let i = 0; i < memberIds.length; i += 100) {
    const ids = memberIds.slice(i, i + 100);
    out.push(...(await documents<(typeof out)[number]>(db.collection(COLLECTIONS.orders).where({ memberId: _.in(ids), paidAt: _.gte(from).and(_.lt(until)) }).limit(1000))));
  }
  return out;
}
