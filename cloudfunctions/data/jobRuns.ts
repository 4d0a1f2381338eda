import type { JobName } from '../contract/jobs';
import type { Database } from '../platform/cloud';
import { COLLECTIONS } from './collections';
import { isDuplicateKey } from './errors';
import { findById, updatedCount } from './read';

/** A daily job's checkpoint: where its run of the day got to. A rerun goes on from the cursor. */
export interface JobCheckpoint {
  /** `${job}:${runDate}` */
  _id: string;
  job: JobName;
  runDate: string;
  /** the last member (or record) id done; null before the first batch */
  cursor: string | null;
  processed: number;
  changed: number;
  done: boolean;
  startedAt: Date;
  updatedAt: Date;
}

/** The day's checkpoint, made when missing (parallel runners make one). */
export async function checkpointOf(db: Database, job: JobName, runDate: string, now: Date): Promise<JobCheckpoint> {
  const id = `${job}:${runDate}`;
  const existing = await findById<JobCheckpoint>(db, COLLECTIONS.jobRuns, id);
  if (existing) return existing;
  const fresh: JobCheckpoint = { _id: id, job, runDate, cursor: null, processed: 0, changed: 0, done: false, startedAt: now, updatedAt: now };
  try {
    await db.collection(COLLECTIONS.jobRuns).add({ data: fresh });
    return fresh;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return (await findById<JobCheckpoint>(db, COLLECTIONS.jobRuns, id))!;
  }
}

/**
 * Moves the checkpoint past a batch, only if nobody moved it meanwhile (compare-and-set on the
 * cursor): of two runners on one batch, one records it. False: reload and go on from there.
 */
export async function advanceCheckpoint(db: Database, c: JobCheckpoint, next: { cursor: string | null; processed: number; changed: number; done: boolean }, now: Date): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.jobRuns)
    .where({ _id: c._id, cursor: c.cursor, done: false })
    .update({ data: { cursor: next.cursor, done: next.done, processed: _.inc(next.processed), changed: _.inc(next.changed), updatedAt: now } });
  return updatedCount(res) === 1;
}

export async function reloadCheckpoint(db: Database, id: string): Promise<JobCheckpoint | null> {
  return findById<JobCheckpoint>(db, COLLECTIONS.jobRuns, id);
}

/** Starts the day's run over (dev server: "run it now"). */
export async function restartCheckpoint(db: Database, c: JobCheckpoint, now: Date): Promise<void> {
  await db.collection(COLLECTIONS.jobRuns).doc(c._id).update({ data: { cursor: null, processed: 0, changed: 0, done: false, updatedAt: now } });
}

/** Forgets a job's finished checkpoints started before `before` (a job that runs every tick keeps one per tick). */
export async function forgetRunsBefore(db: Database, job: JobName, before: Date): Promise<void> {
  const _ = db.command;
  await db.collection(COLLECTIONS.jobRuns).where({ job, done: true, startedAt: _.lt(before) }).remove();
}
