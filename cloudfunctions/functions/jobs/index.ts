import type { Envelope } from '../../contract';
import { JOB_NAMES, runJobInput, type JobRun } from '../../contract/jobs';
import { clip, plainDataProblem } from '../../contract/plain';
import { functionClock } from '../../platform/clock';
import { callerOpenid, database } from '../../platform/cloud';
import { describeIssues } from '../../platform/handler';
import { shopDateLabel } from '../../domain/time';
import type { DailyJob } from './job';
import { birthdayGifts } from './birthdayGifts';
import { couponExpiry } from './couponExpiry';
import { couponReminders } from './couponReminders';
import { pointsExpiry } from './pointsExpiry';
import { pointsReminders } from './pointsReminders';
import { runDaily } from './runner';
import { sweep } from './sweep';
import { tierReview } from './tierReview';
import { winBack } from './winBack';

/** In the order a tick runs them: expire first, so reminders never count expired points or coupons. */
const JOBS: Record<(typeof JOB_NAMES)[number], DailyJob> = {
  'points-expiry': pointsExpiry,
  'coupon-expiry': couponExpiry,
  'points-reminders': pointsReminders,
  'coupon-reminders': couponReminders,
  birthday: birthdayGifts,
  'win-back': winBack,
  'tier-review': tierReview,
  sweep,
};

/** The function times out at 60 s (config.json); no batch starts in the last 15. */
const TICK_BUDGET_MS = 45_000;

const invalid = (message: string): Envelope<never> => ({ ok: false, error: { code: 'INVALID_INPUT', message } });

/**
 * The `jobs` function. Its one timer trigger wakes it every 10 minutes (config.json); each tick
 * advances every daily job whose run of the day is not done. `{ action: "run", job }` runs one
 * job (the dev server's /api/dev/jobs/<job>). Shoppers cannot call it: a call from the mini
 * program carries an openid and is refused.
 */
export async function main(event: unknown): Promise<Envelope<{ runs: JobRun[] }>> {
  try {
    if (callerOpenid()) return { ok: false, error: { code: 'FORBIDDEN', message: 'jobs run on their timer, not for callers' } };
    const problem = plainDataProblem(event);
    if (problem) return invalid(problem);
    const isTimer = !!event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer';
    const parsed = runJobInput.safeParse(isTimer ? { action: 'run', job: 'all' } : event);
    if (!parsed.success) return invalid(`${describeIssues(parsed.error as never, event)} (jobs: ${JOB_NAMES.join(', ')}, all)`);
    const input = parsed.data;
    const db = database();
    const now = functionClock().now();
    const deadline = Date.now() + TICK_BUDGET_MS;
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
    return { ok: true, data: { runs } };
  } catch (err) {
    console.error('[jobs] internal error:', clip(String(err), 200), err);
    return { ok: false, error: { code: 'INTERNAL', message: 'internal error' } };
  }
}
