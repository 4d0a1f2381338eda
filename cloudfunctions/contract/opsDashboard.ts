import * as z from 'zod/mini';
import { isoInstantSchema, tierSchema } from './fields';

/**
 * The brand operations' store dashboard and alerts (issue 19, parts 3 and 4). Managers only; every
 * figure is the manager's own store's, counted by the database (aggregations) and never naming a
 * member: the dashboard holds counts and sums, the alerts a store's day.
 */

/** The look-back of the dashboard in shop days (today included). */
export const DASHBOARD_DAYS = [7, 30, 90] as const;
export const dashboardInput = z.strictObject({ days: z.optional(z.union([z.literal(7), z.literal(30), z.literal(90)])) });

const count = z.int().check(z.minimum(0));
/** a share in whole percent (0–100), or null when there is nothing to divide by */
const percent = z.nullable(z.number());
const dayLabel = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const signupDaySchema = z.object({
  /** the shop day, YYYY-MM-DD */
  date: dayLabel,
  /** joined through the store's own code (or with no clerk named) */
  store: count,
  /** joined through one of the clerks' personal codes */
  clerks: count,
});
export const clerkSignupsSchema = z.object({ name: z.string(), role: z.nullable(z.enum(['clerk', 'stylist', 'manager'])), signedUp: count });

export const dashboardOutput = z.object({
  store: z.object({ storeId: z.string(), name: z.string() }),
  period: z.object({ days: z.number(), from: dayLabel, through: dayLabel }),
  asOf: isoInstantSchema,
  /** the store's alerts not yet handled (经营预警) */
  alertsOpen: count,
  signups: z.object({
    total: count,
    viaStore: count,
    viaClerks: count,
    daily: z.array(signupDaySchema),
    /** per active staff member of the store (names, never an openid), most first; codes of staff no longer active are summed in one line, 已离岗员工 */
    clerks: z.array(clerkSignupsSchema),
  }),
  /** of the store's members who have paid at least once, those who came back and paid again */
  repurchase: z.object({ buyers: count, repeat: count, pct: percent }),
  tiers: z.object({
    total: count,
    counts: z.array(z.object({ tier: tierSchema, name: z.string(), members: count })),
    /** members of the store who rose to the tier within the period */
    upgrades: z.array(z.object({ tier: tierSchema, name: z.string(), members: count })),
  }),
  points: z.object({
    /** spendable points the store's members hold */
    outstanding: count,
    /** what they are worth as the best points reward prices them (fen) */
    liabilityFen: count,
    /** the price the liability is counted at: `pointsCost` points buy `amountFen` (null: no such reward) */
    valuedAt: z.nullable(z.object({ rewardName: z.string(), pointsCost: count, amountFen: count })),
    expiring: z.object({ before: dayLabel, points: count, members: count, liabilityFen: count }),
  }),
  coupons: z.object({
    /** coupons used on the store's till orders within the period */
    used: count,
    /** what the coupons took off those orders (fen) */
    discountFen: count,
    templates: z.array(z.object({ templateId: z.string(), name: z.string(), used: count })),
  }),
  /** members of the store who joined through an invite within the period, and of them those who have paid */
  referrals: z.object({ joined: count, converted: count, pct: percent }),
  /** answers to the NPS question about the store within the period (npsAnswers) */
  nps: z.object({ answers: count, promoters: count, passives: count, detractors: count, score: z.nullable(z.number()) }),
});
export type Dashboard = z.infer<typeof dashboardOutput>;

// — alerts (经营预警) —

export const ALERT_PAGE = 30;
export const alertIdSchema = z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,15}:[a-zA-Z]{2,32}:\d{4}-\d{2}-\d{2}$/, 'alertId names a store, a rule and a day'));
export const alertsInput = z.strictObject({ view: z.optional(z.enum(['open', 'closed'])) });
export const alertItemSchema = z.object({
  alertId: z.string(),
  rule: z.string(),
  /** the rule's name in shop words: 新会员骤降, 用券异常激增 */
  ruleName: z.string(),
  /** the day judged, YYYY-MM-DD, and in words (12月5日 周六) */
  day: dayLabel,
  dayText: z.string(),
  value: count,
  /** what the figure counts: 人 (members) or 张 (coupons) */
  unit: z.string(),
  /** the average it was judged against (one decimal) */
  baseline: z.number(),
  /** what happened and what to look at, in shop words */
  text: z.string(),
  raisedAt: isoInstantSchema,
  state: z.enum(['open', 'done']),
  closedBy: z.nullable(z.string()),
  closedAt: z.nullable(isoInstantSchema),
});
export type AlertItem = z.infer<typeof alertItemSchema>;
export const alertsOutput = z.object({
  items: z.array(alertItemSchema),
  open: count,
  /** the rules the nightly job judges by, in shop words (data, not code) */
  rules: z.array(z.object({ code: z.string(), name: z.string(), description: z.string(), active: z.boolean() })),
});
export const closeAlertInput = z.strictObject({ alertId: alertIdSchema });
export const closeAlertOutput = z.object({ alertId: z.string(), state: z.literal('done'), closedAt: isoInstantSchema });

/** The brand operations' dashboard actions (issue 19). */
export const opsDashboardContract = {
  dashboard: { input: dashboardInput, output: dashboardOutput },
  alerts: { input: alertsInput, output: alertsOutput },
  closeAlert: { input: closeAlertInput, output: closeAlertOutput },
} as const;
