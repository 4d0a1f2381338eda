import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { findById, removedCount, updatedCount } from './read';

interface GuessCounter {
  /** `till:<storeId>:<minute>` or `clerk:<openid>:<minute>` (domain/codeGuesses) */
  _id: string;
  /** slots taken in the minute: the wrong codes, and the codes being looked at right now */
  count: number;
  /** the wrong codes among them (their slots are kept) */
  wrong: number;
  /** the minute's start: the sweep removes old counters by it */
  at: Date;
}

/**
 * Takes one of the minute's slots for a code about to be looked at, unless `limit` are taken:
 * a compare-and-set on the count (never read, then write), or the counter's creation by its
 * unique id when the minute has none yet. When none is free: `full` if wrong codes took them
 * all, `busy` if codes still being looked at hold some (they give theirs back when right).
 */
export async function takeGuessSlot(db: Database, counterId: string, minuteStart: Date, limit: number): Promise<'taken' | 'full' | 'busy'> {
  const _ = db.command;
  const take = async () => updatedCount(await db.collection(COLLECTIONS.codeGuesses).where({ _id: counterId, count: _.lt(limit) }).update({ data: { count: _.inc(1) } })) > 0;
  if (await take()) return 'taken';
  // none taken: the minute has no counter yet (the first code of a minute makes it), or it is full
  if ((await addOnce(db, COLLECTIONS.codeGuesses, { _id: counterId, count: 1, wrong: 0, at: minuteStart })) === 'created') return 'taken';
  if (await take()) return 'taken';
  const counter = await findById<GuessCounter>(db, COLLECTIONS.codeGuesses, counterId);
  return counter && counter.wrong >= limit ? 'full' : 'busy';
}

/** Gives a slot back: the code looked at named a member, so it was no guess. */
export async function giveGuessSlotBack(db: Database, counterId: string): Promise<void> {
  const _ = db.command;
  await db.collection(COLLECTIONS.codeGuesses).where({ _id: counterId }).update({ data: { count: _.inc(-1) } });
}

/** Records that the code a slot was taken for named nobody: the slot stays taken for the minute. */
export async function keepGuessSlot(db: Database, counterId: string): Promise<void> {
  const _ = db.command;
  await db.collection(COLLECTIONS.codeGuesses).where({ _id: counterId }).update({ data: { wrong: _.inc(1) } });
}

/** Removes counters of minutes that began before `before`; returns how many. */
export async function deleteGuessCountersBefore(db: Database, before: Date): Promise<number> {
  const _ = db.command;
  return removedCount(await db.collection(COLLECTIONS.codeGuesses).where({ at: _.lt(before) }).remove());
}
