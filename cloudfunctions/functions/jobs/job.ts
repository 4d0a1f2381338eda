import type { JobName } from '../../contract/jobs';
import type { Database } from '../../platform/cloud';

/** What one batch did: the cursor to go on from (null: the run is done) and its counts. */
export interface BatchResult {
  cursor: string | null;
  processed: number;
  changed: number;
}

/** A daily job: resumable batches after a cursor, each safe to run twice or in parallel. */
export interface DailyJob {
  name: JobName;
  /** the shop-time hour before which the day's run does not start (a message for the waking day); absent: from midnight */
  startsAtHour?: number;
  batch(db: Database, cursor: string | null, now: Date): Promise<BatchResult>;
  /**
   * The run a tick belongs to (absent: the shop day, so the job runs once a day). A job that must
   * not wait for tomorrow (campaigns launched during the day) names a shorter period.
   */
  runKey?(now: Date): string;
  /** at most this long (ms) per tick, so one busy job leaves the tick's time to the jobs after it */
  maxMsPerTick?: number;
}

/** Members per batch: small enough that a batch finishes well inside the function's timeout. */
export const BATCH_SIZE = 100;

/** The cursor after a batch of ids: the last id, or null when the batch was not full (the end). */
export function cursorAfter(ids: string[], size = BATCH_SIZE): string | null {
  return ids.length < size ? null : ids[ids.length - 1]!;
}
