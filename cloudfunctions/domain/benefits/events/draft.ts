import type { PrivateEvent } from './event';
import { eventIdOf } from './event';

/** What a manager fills in: the event's own fields, and the request it is made once for. */
export type EventDraft = Pick<PrivateEvent, 'title' | 'picture' | 'description' | 'startsAt' | 'endsAt' | 'capacity' | 'tiers' | 'signUpFrom' | 'signUpUntil'> & { requestId: string };

export { draftProblem } from './draftRules';

/** Whether a stored event is the one this draft makes (the same request again, not another event under a used request id). */
export function sameDraft(e: PrivateEvent, d: PrivateEvent): boolean {
  const same = (a: Date, b: Date) => a.getTime() === b.getTime();
  return (
    e.storeId === d.storeId && e.title === d.title && e.picture === d.picture && e.description === d.description && e.capacity === d.capacity &&
    e.tiers.join() === d.tiers.join() && same(e.startsAt, d.startsAt) && same(e.endsAt, d.endsAt) && same(e.signUpFrom, d.signUpFrom) && same(e.signUpUntil, d.signUpUntil)
  );
}

/** The event as stored: the manager's store, no seat taken, nobody numbered yet. */
export function newEvent(d: EventDraft, store: { storeId: string; name: string; address: string }, by: { staffId: string; name: string }, now: Date): PrivateEvent {
  return {
    _id: eventIdOf(store.storeId, d.requestId),
    storeId: store.storeId,
    storeName: store.name,
    address: store.address,
    title: d.title,
    picture: d.picture,
    description: d.description,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    capacity: d.capacity,
    tiers: d.tiers.includes('grower') ? ['grower', 'loyal'] : ['loyal'],
    signUpFrom: d.signUpFrom,
    signUpUntil: d.signUpUntil,
    seatsTaken: 0,
    createdBy: by,
    createdAt: now,
  };
}
