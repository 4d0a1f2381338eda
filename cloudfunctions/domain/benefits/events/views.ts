import type { MemberEvent, StaffEvent } from '../../../contract/benefitsEvents';
import { toIso } from '../../time';
import { type EventSignUp, type PrivateEvent, tiersText } from './event';
import type { JoinVerdict } from './joinRules';

/** What every view of an event says about it. */
export function eventCore(e: PrivateEvent) {
  return {
    eventId: e._id,
    title: e.title,
    picture: e.picture,
    description: e.description,
    storeName: e.storeName,
    address: e.address,
    startsAt: toIso(e.startsAt),
    endsAt: toIso(e.endsAt),
    capacity: e.capacity,
    tiers: e.tiers,
    tiersText: tiersText(e.tiers),
    signUpFrom: toIso(e.signUpFrom),
    signUpUntil: toIso(e.signUpUntil),
  };
}

/** One event as a member sees it: their state, the badge and what to do. */
export function memberEventView(e: PrivateEvent, verdict: JoinVerdict, signUp: EventSignUp | null, waitingPosition: number | null): MemberEvent {
  return {
    ...eventCore(e),
    seatsLeft: Math.max(0, e.capacity - e.seatsTaken),
    state: verdict.state,
    stateText: verdict.text,
    hint: verdict.hint,
    waitingPosition: verdict.state === 'waiting' ? waitingPosition : null,
    checkedIn: !!signUp?.checkedInAt,
  };
}

export function staffEventView(e: PrivateEvent, counts: { seated: number; waiting: number; checkedIn: number }): StaffEvent {
  return { ...eventCore(e), ...counts };
}

/** Members see their home store's events still to come and those they hold a sign-up for, the soonest first. */
export function eventsForMember(home: PrivateEvent[], held: PrivateEvent[], now: Date): PrivateEvent[] {
  const byId = new Map([...home, ...held].filter((e) => e.endsAt.getTime() > now.getTime()).map((e) => [e._id, e]));
  return [...byId.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Whether a member may still cancel (until the event starts; not once checked in). */
export function cancelProblem(e: PrivateEvent, s: EventSignUp | null, now: Date): string | null {
  if (!s || s.state === 'cancelled') return '你没有报名这场活动';
  if (s.checkedInAt) return '已签到，无法取消';
  if (now.getTime() >= e.startsAt.getTime()) return '活动已开始，无法取消';
  return null;
}
