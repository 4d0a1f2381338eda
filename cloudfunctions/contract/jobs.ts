import * as z from 'zod/mini';

/** The daily jobs, in the order a timer tick runs them. */
export const JOB_NAMES = ['points-expiry', 'coupon-expiry', 'points-reminders', 'coupon-reminders', 'birthday', 'win-back', 'referral-settlement', 'outfit-inspiration', 'tier-review', 'staff-todos', 'booking-reminders', 'segments', 'campaigns', 'alerts', 'sweep'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** `{ action: "run", job, … }` from the dev server and tests; a timer tick asks for the job its trigger's message names, or all. */
export const runJobInput = z.strictObject({
  /** one job, or "all": every job whose run of the day is not done (what the timer does) */
  job: z.enum([...JOB_NAMES, 'all'], `is one of ${JOB_NAMES.join(', ')}, all`),
  /** start the day's run again from the beginning (dev server: run it now, again) */
  restart: z.optional(z.boolean()),
  /** stop after this many batches (tests of resuming) */
  maxBatches: z.optional(z.int().check(z.minimum(1), z.maximum(10_000))),
});

export const jobRunSchema = z.object({
  job: z.enum(JOB_NAMES),
  /** the shop-calendar day the run belongs to */
  runDate: z.string(),
  /** members (or records) looked at so far in this run */
  processed: z.number(),
  /** of them, how many were changed (lots expired, tier reviewed, message sent, records swept) */
  changed: z.number(),
  done: z.boolean(),
  /** this run stopped on an error (logged); the next tick goes on from its checkpoint */
  failed: z.boolean(),
});
export type JobRun = z.infer<typeof jobRunSchema>;

export const runJobOutput = z.object({ runs: z.array(jobRunSchema) });

/** The `jobs` function: one action, called by its timer (and the dev server), never by shoppers. */
export const jobsContract = {
  run: { input: runJobInput, output: runJobOutput },
} as const;
