import type { JobName, JobRun } from '../../contract/jobs';
import { advanceCheckpoint, checkpointOf, type JobCheckpoint, reloadCheckpoint, restartCheckpoint } from '../../data/jobRuns';
import { shopDateLabel, shopTime } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import type { DailyJob } from './job';

export interface RunLimits {
  /** wall-clock instant (ms) after which no new batch starts: the function's timeout is near */
  deadline: number;
  maxBatches?: number;
  restart?: boolean;
}

const view = (c: JobCheckpoint): JobRun => ({ job: c.job, runDate: c.runDate, processed: c.processed, changed: c.changed, done: c.done, failed: false });

/**
 * Runs a job's batches for the day from its checkpoint until it is done, the deadline nears or
 * the batch limit is reached. Each batch moves the checkpoint by compare-and-set, so a crash
 * loses at most the batch in hand (redone safely) and parallel runners do not skip members.
 */
export async function runDaily(db: Database, job: DailyJob, now: Date, limits: RunLimits): Promise<JobRun> {
  const runDate = shopDateLabel(now);
  // a job that runs every tick keeps a checkpoint per tick; its run still reports the shop day
  const runKey = job.runKey?.(now) ?? runDate;
  const deadline = job.maxMsPerTick === undefined ? limits.deadline : Math.min(limits.deadline, Date.now() + job.maxMsPerTick);
  let c = await checkpointOf(db, job.name as JobName, runKey, now);
  if (limits.restart && (c.done || c.cursor !== null)) {
    await restartCheckpoint(db, c, now);
    c = (await reloadCheckpoint(db, c._id))!;
  }
  let batches = 0;
  // not yet the job's hour today: a later tick of the same day starts it
  if (job.startsAtHour !== undefined && shopTime(now).hour() < job.startsAtHour) return view(c);
  while (!c.done && Date.now() < deadline && (limits.maxBatches === undefined || batches < limits.maxBatches)) {
    const result = await job.batch(db, c.cursor, now);
    batches += 1;
    await advanceCheckpoint(db, c, { cursor: result.cursor, processed: result.processed, changed: result.changed, done: result.cursor === null }, now);
    // moved by us or by a parallel runner: go on from wherever it is now
    c = (await reloadCheckpoint(db, c._id))!;
  }
  return { ...view(c), runDate };
}
