import type { Dashboard } from '../../../contract/opsDashboard';
import type { TierCode } from '../../../contract';
import type { Staff } from '../../staff/staff';
import { TIERS } from '../../tiers';
import { shopDateLabel, toIso } from '../../time';
import type { DashboardPeriod } from './period';
import { type PointPrice, pointsInFen } from './pointValue';
import { type NpsCounts, npsScore, percentOf } from './shares';

/** What the database counted for one store and period (data/opsDashboard.ts): sums, never members. */
export interface DashboardFacts {
  store: { storeId: string; name: string };
  period: DashboardPeriod;
  now: Date;
  /** joins per shop day (YYYY-MM-DD) and the clerk whose code it was (null: the store's code) */
  signups: ReadonlyArray<{ day: string; staffId: string | null; members: number }>;
  staff: readonly Staff[];
  repurchase: { buyers: number; repeat: number };
  tiers: ReadonlyArray<{ tier: TierCode; members: number }>;
  upgrades: ReadonlyArray<{ tier: TierCode; members: number }>;
  points: { outstanding: number; expiring: number; expiringMembers: number };
  expiringBefore: Date;
  price: PointPrice | null;
  coupons: { used: number; discountFen: number; templates: ReadonlyArray<{ templateId: string; name: string; used: number }> };
  referrals: { joined: number; converted: number };
  nps: NpsCounts;
  alertsOpen: number;
}

export const FORMER_STAFF = '已离岗员工';

/** The dashboard as the manager reads it: every day of the window present (0 when nobody joined), tiers in their order, shares as whole percents. */
export function dashboardOf(f: DashboardFacts): Dashboard {
  const perDay = new Map(f.period.labels.map((d) => [d, { date: d, store: 0, clerks: 0 }]));
  const perStaff = new Map<string, number>();
  for (const s of f.signups) {
    const day = perDay.get(s.day);
    if (!day) continue;
    if (s.staffId === null) day.store += s.members;
    else {
      day.clerks += s.members;
      perStaff.set(s.staffId, (perStaff.get(s.staffId) ?? 0) + s.members);
    }
  }
  const daily = [...perDay.values()];
  const viaStore = daily.reduce((n, d) => n + d.store, 0);
  const viaClerks = daily.reduce((n, d) => n + d.clerks, 0);
  const active = f.staff.filter((s) => s.active && s.storeId === f.store.storeId);
  const clerks: Dashboard['signups']['clerks'] = active.map((s) => ({ name: s.name, role: s.role, signedUp: perStaff.get(s._id) ?? 0 }));
  const former = [...perStaff.entries()].filter(([id]) => !active.some((s) => s._id === id)).reduce((n, [, c]) => n + c, 0);
  if (former > 0) clerks.push({ name: FORMER_STAFF, role: null, signedUp: former });
  clerks.sort((a, b) => b.signedUp - a.signedUp);

  const tierCount = (list: ReadonlyArray<{ tier: TierCode; members: number }>, code: TierCode) => list.filter((t) => t.tier === code).reduce((n, t) => n + t.members, 0);
  const counts = TIERS.map((t) => ({ tier: t.code, name: t.name, members: tierCount(f.tiers, t.code) }));
  const upgrades = TIERS.filter((t) => t.rank > 0).map((t) => ({ tier: t.code, name: t.name, members: tierCount(f.upgrades, t.code) }));
  const answers = f.nps.promoters + f.nps.passives + f.nps.detractors;

  return {
    store: f.store,
    period: { days: f.period.days, from: f.period.labels[0]!, through: f.period.labels[f.period.labels.length - 1]! },
    asOf: toIso(f.now),
    alertsOpen: f.alertsOpen,
    signups: { total: viaStore + viaClerks, viaStore, viaClerks, daily, clerks },
    repurchase: { ...f.repurchase, pct: percentOf(f.repurchase.repeat, f.repurchase.buyers) },
    tiers: { total: counts.reduce((n, t) => n + t.members, 0), counts, upgrades },
    points: {
      outstanding: f.points.outstanding,
      liabilityFen: pointsInFen(f.points.outstanding, f.price),
      valuedAt: f.price,
      expiring: { before: shopDateLabel(f.expiringBefore), points: f.points.expiring, members: f.points.expiringMembers, liabilityFen: pointsInFen(f.points.expiring, f.price) },
    },
    coupons: { used: f.coupons.used, discountFen: f.coupons.discountFen, templates: [...f.coupons.templates].sort((a, b) => b.used - a.used || a.templateId.localeCompare(b.templateId)) },
    referrals: { ...f.referrals, pct: percentOf(f.referrals.converted, f.referrals.joined) },
    nps: { answers, ...f.nps, score: npsScore(f.nps) },
  };
}
