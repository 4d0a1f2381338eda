import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { addOnce } from './errors';
import { findById, removedCount, updatedCount } from './read';

interface GuessCounter {
  /** `till:<storeId>:<minute>` or `clerk:<openid>:<minute>` (domain/codeGuesses) */
  _id: string;
  /** wrong codes counted in the minute */
  count: number;
  /** the minute's start: the sweep removes old counters by it */
  at: Date;
}

/** The wrong codes counted under a counter so far (0 when none yet). */
export async function wrongCodesCounted(db: Database, counterId: string): Promise<number> {
  return (await findById<GuessCounter>(db, COLLECTIONS.codeGuesses, counterId))?.count ?? 0;
}

/**
 * Counts one wrong code, atomically: an increment of the minute's counter, or its creation by its
 * unique id when it is not there yet (a parallel creation that wins makes this an increment).
 */
export async function countWrongCode(db: Database, counterId: string, minuteStart: Date): Promise<void> {
  const _ = db.command;
  const bump = async () => updatedCount(await db.collection(COLLECTIONS.codeGuesses).where({ _id: counterId }).update({ data: { count: _.inc(1) } })) > 0;
  if (await bump()) return;
  if ((await addOnce(db, COLLECTIONS.codeGuesses, { _id: counterId, count: 1, at: minuteStart })) === 'created') return;
  if (!(await bump())) throw new Error(`guess counter ${counterId} vanished while being counted`);
}

/** Removes counters of minutes that began before `before`; returns how many. */
export async function deleteGuessCountersBefore(db: Database, before: Date): Promise<number> {
  const _ = db.command;
  return removedCount(await db.collection(COLLECTIONS.codeGuesses).where({ at: _.lt(before) }).remove());
}
