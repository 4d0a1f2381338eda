import type { Staff } from '../../staff/staff';
import { maskNickname } from '../../referrals/view';
import { shopDayStart, shopTime, toIso } from '../../time';
import type { NpsAnswer } from './answer';
import { npsBand, type NpsCounts, type NpsFigure, npsOf } from './score';

export type NpsPeriod = 'week' | 'month' | 'quarter';
const PERIOD_DAYS: Record<NpsPeriod, number> = { week: 7, month: 30, quarter: 90 };
/** How many of the latest reasons the page shows. */
export const NPS_REASONS_SHOWN = 20;

/** The period's shop days up to and including today: [00:00 n−1 days ago, 00:00 tomorrow), with its words. */
export function npsPeriodRange(period: NpsPeriod, now: Date): { from: Date; until: Date; label: string } {
  const days = PERIOD_DAYS[period];
  const from = shopDayStart(now, -(days - 1));
  const until = shopDayStart(now, 1);
  const md = (d: Date) => shopTime(d).format('M月D日');
  return { from, until, label: `近${days}天（${md(from)}–${md(now)}）` };
}

const ZERO: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
const plus = (a: NpsCounts, b: NpsCounts): NpsCounts => ({ promoters: a.promoters + b.promoters, passives: a.passives + b.passives, detractors: a.detractors + b.detractors });
const countsOnly = (c: NpsCounts): NpsCounts => ({ promoters: c.promoters, passives: c.passives, detractors: c.detractors });

export interface NpsReportRows {
  store: NpsFigure;
  clerks: Array<NpsFigure & Pick<Staff, 'name' | 'role' | 'active'>>;
  unattributed: NpsFigure;
}

/**
 * The store's figure and each staff member's, from the sums per clerk: every staff member of the
 * store is listed (a clerk with no answers shows none, not 0), most answers first; answers credited
 * to nobody — or to someone no longer on the store's list — count for the store only.
 */
export function npsRows(staff: readonly Staff[], sums: ReadonlyArray<NpsCounts & { staffId: string | null }>): NpsReportRows {
  const byStaff = new Map<string, NpsCounts>();
  let store = ZERO;
  let unattributed = ZERO;
  const known = new Set(staff.map((s) => s._id));
  for (const s of sums) {
    store = plus(store, s);
    if (s.staffId !== null && known.has(s.staffId)) byStaff.set(s.staffId, plus(byStaff.get(s.staffId) ?? ZERO, s));
    else unattributed = plus(unattributed, s);
  }
  const clerks = staff
    .map((s) => ({ name: s.name, role: s.role, active: s.active, ...npsOf(countsOnly(byStaff.get(s._id) ?? ZERO)) }))
    .sort((a, b) => b.total - a.total || Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh'));
  return { store: npsOf(store), clerks, unattributed: npsOf(unattributed) };
}

/** A reason as the manager sees it: the member masked, the clerk by name. */
export function reasonLine(a: NpsAnswer, nickname: string | null, staffNames: ReadonlyMap<string, string>) {
  return { nickname: maskNickname(nickname), score: a.score, band: npsBand(a.score), reason: a.reason ?? '', at: toIso(a.answeredAt), clerkName: a.staffId ? (staffNames.get(a.staffId) ?? null) : null };
}
