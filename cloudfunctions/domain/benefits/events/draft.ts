import type { PrivateEvent } from './event';
import { eventIdOf } from './event';

/** What a manager fills in: the event's own fields, and the request it is made once for. */
export type EventDraft = Pick<PrivateEvent, 'title' | 'picture' | 'description' | 'startsAt' | 'endsAt' | 'capacity' | 'tiers' | 'signUpFrom' | 'signUpUntil'> & { requestId: string };

/** Why a manager's event cannot be created as drafted (in shop words), or null. */
export function draftProblem(d: EventDraft, now: Date): string | null {
  if (!d.tiers.includes('loyal')) return '私享会须对忠诚者开放';
  if (d.startsAt.getTime() <= now.getTime()) return '活动开始时间须晚于现在';
  if (d.endsAt.getTime() <= d.startsAt.getTime()) return '结束时间须晚于开始时间';
  if (d.signUpUntil.getTime() <= d.signUpFrom.getTime()) return '报名截止须晚于报名开始';
  if (d.signUpUntil.getTime() > d.startsAt.getTime()) return '报名须在活动开始前截止';
  if (d.signUpUntil.getTime() <= now.getTime()) return '报名截止时间须晚于现在';
  return null;
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
