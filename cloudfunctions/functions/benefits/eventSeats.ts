import { deleteSignUpsOf, eventsByIds, findSignUp, giveBackSeat, moveSignUp, signUpsOfMember, takeSeat, waitingHead } from '../../data/events';
import type { EventSignUp, PrivateEvent } from '../../domain/benefits/events/event';
import type { Database } from '../../platform/cloud';

/** How many of the waiting list's head one read looks at. */
const HEAD = 10;
/** A fill reads the head again this many times when others promoted everyone it saw. */
const ROUNDS = 20;

/**
 * Hands free seats to the waiting list, in sign-up order, never check-then-write: a seat is taken
 * by a conditional increment (never past capacity), then given to the head of the waiting list by
 * a conditional move (waiting → seat: one call wins each member); a seat nobody could be given is
 * handed back. Every sign-up and every cancellation runs a fill after its own write, so a seat
 * freed while someone joins the list is never left empty: whichever fill runs last sees both.
 */
export async function fillSeats(db: Database, event: PrivateEvent, now: Date): Promise<number> {
  let promoted = 0;
  while (await takeSeat(db, event._id, event.capacity)) {
    if (!(await handSeat(db, event._id, now))) {
      await giveBackSeat(db, event._id);
      break;
    }
    promoted += 1;
  }
  return promoted;
}

/** Gives one held seat to the first waiting sign-up this call can move; false when nobody waits. */
async function handSeat(db: Database, eventId: string, now: Date): Promise<boolean> {
  for (let round = 0; round < ROUNDS; round += 1) {
    const head = await waitingHead(db, eventId, HEAD);
    if (head.length === 0) return false;
    for (const s of head) if (await moveSignUp(db, s._id, 'waiting', { state: 'seat', changedAt: now })) return true;
  }
  return false;
}

/**
 * Cancels a sign-up from whatever state it is in (a fill may move it from waiting to seat
 * meanwhile: then it is cancelled from the seat). A freed seat goes back and a fill hands it on:
 * each cancellation of a seat moves exactly one waiting member up.
 */
export async function cancelSignUp(db: Database, event: PrivateEvent, s: EventSignUp, now: Date, brandReason?: string): Promise<EventSignUp | null> {
  let current: EventSignUp | null = s;
  for (let attempt = 0; attempt < 3 && current && current.state !== 'cancelled'; attempt += 1) {
    const from = current.state;
    if (await moveSignUp(db, current._id, from, { state: 'cancelled', changedAt: now, ...(brandReason ? { cancelReason: brandReason } : {}) })) {
      if (from === 'seat') {
        await giveBackSeat(db, event._id);
        await fillSeats(db, event, now);
      }
      return { ...current, state: 'cancelled', changedAt: now };
    }
    current = await findSignUp(db, s._id);
  }
  return current;
}

/**
 * A leaving member's sign-ups: each held one is cancelled first (a seat goes to the waiting list,
 * as any cancellation's does), then all are erased. Rerun by a resumed erase, it finds what is left.
 */
export async function releaseSignUpsOf(db: Database, memberId: string, now: Date): Promise<void> {
  const held = (await signUpsOfMember(db, memberId)).filter((s) => s.state !== 'cancelled');
  const events = new Map((await eventsByIds(db, [...new Set(held.map((s) => s.eventId))])).map((e) => [e._id, e]));
  for (const s of held) {
    const e = events.get(s.eventId);
    if (e && e.endsAt.getTime() > now.getTime()) await cancelSignUp(db, e, s, now);
  }
  await deleteSignUpsOf(db, memberId);
}
