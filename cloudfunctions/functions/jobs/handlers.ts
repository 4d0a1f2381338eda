import { success } from '../../contract';
import { JOB_NAMES, type JobName, type JobRun, jobsContract } from '../../contract/jobs';
import { shopDateLabel } from '../../domain/time';
import type { Database } from '../../platform/cloud';
import type { Handlers } from '../../platform/pipeline';
import { alertsJob } from './alertsJob';
import { birthdayGifts } from './birthdayGifts';
import { bookingRemindersJob } from './bookingReminders';
import { campaignsJob } from './campaignsJob';
import { couponExpiry } from './couponExpiry';
import { couponReminders } from './couponReminders';
import type { DailyJob } from './job';
import { pointsExpiry } from './pointsExpiry';
import { pointsReminders } from './pointsReminders';
import { referralSettlement } from './referralSettlement';
import { outfitInspiration } from './outfitInspiration';
import { runDaily } from './runner';
import { segmentsJob } from './segmentsJob';
import { staffTodos } from './staffTodos';
import { sweep } from './sweep';
import { tierReview } from './tierReview';
import { winBack } from './winBack';

/** What a tick carries to the jobs: the database, the one clock's now, and when to stop starting batches. */
export interface Tick {
  db: Database;
  now: Date;
  /** wall-clock instant (ms) after which no new batch starts: the function's timeout is near */
  deadline: number;
}

/** In the order a tick runs them: expire first, so reminders never count expired points or coupons. */
const JOBS: Record<JobName, DailyJob> = {
  'points-expiry': pointsExpiry,
  'coupon-expiry': couponExpiry,
  'points-reminders': pointsReminders,
  'coupon-reminders': couponReminders,
  birthday: birthdayGifts,
  'win-back': winBack,
  'referral-settlement': referralSettlement,
  'outfit-inspiration': outfitInspiration,
  'tier-review': tierReview,
  'staff-todos': staffTodos,
  'booking-reminders': bookingRemindersJob,
  segments: segmentsJob,
  campaigns: campaignsJob,
  alerts: alertsJob,
  sweep,
};

export const jobsHandlers: Handlers<typeof jobsContract, Tick> = {
  async run(input, { db, now, deadline }) {
    const names = input.job === 'all' ? JOB_NAMES : [input.job];
    const runs: JobRun[] = [];
    for (const name of names) {
      try {
        runs.push(await runDaily(db, JOBS[name], now, { deadline, maxBatches: input.maxBatches, restart: input.restart }));
      } catch (err) {
        // one job's failure does not hold the others back; its checkpoint keeps what it had done
        console.error(`[jobs] ${name} failed:`, err);
        runs.push({ job: name, runDate: shopDateLabel(now), processed: 0, changed: 0, done: false, failed: true });
      }
    }
    return success({ runs });
  },
};
