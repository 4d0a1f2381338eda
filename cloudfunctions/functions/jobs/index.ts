import { jobsContract } from '../../contract/jobs';
import { success } from '../../contract';
import { functionClock } from '../../platform/clock';
import { database } from '../../platform/cloud';
import { createTimerMain, timerTriggers } from '../../platform/timer';
import config from './config.json';
import { jobsHandlers } from './handlers';

/** The function times out at 60 s (config.json); no batch starts in the last 15. */
const TICK_BUDGET_MS = 45_000;

/**
 * The `jobs` function. Its one timer trigger wakes it every 10 minutes (config.json); each tick
 * advances every daily job whose run of the day is not done (a trigger whose message names one job
 * runs that job alone). `{ action: "run", job }` runs one job (the dev server's /api/dev/jobs/<job>).
 * Shoppers cannot call it: a call from the mini program carries an openid and is refused.
 */
export const main = createTimerMain(
  { name: 'jobs', contract: jobsContract, handlers: jobsHandlers },
  // the triggers deployed with it: a timer event naming another is no tick of ours
  timerTriggers(config),
  (message) => ({ action: 'run', data: { job: message ?? 'all' } }),
  () => success({ db: database(), now: functionClock().now(), deadline: Date.now() + TICK_BUDGET_MS }),
);
