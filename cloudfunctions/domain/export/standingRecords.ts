import type * as z from 'zod/mini';
import type { exportSpendSchema, exportTierSchema } from '../../contract/member';
import { type Member, standingOf, tierRecordOf } from '../member';
import { figuresAsOf } from '../standing';
import { tierOf } from '../tiers';
import { toIso } from '../time';

const isoOrNull = (d: Date | null | undefined) => (d ? toIso(d) : null);

/** Qualifying spend as days with amounts ("20261125" → "2026-11-25"), oldest first, and the figures the tier rules judge. */
export function spendRecord(m: Member, now: Date): z.infer<typeof exportSpendSchema> {
  const record = tierRecordOf(m);
  const figures = figuresAsOf(record, now);
  return {
    days: Object.entries(record.spendDays)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, fen]) => ({ day: `${key.slice(0, 4)}-${key.slice(4, 6)}-${key.slice(6, 8)}`, fen })),
    quarterFen: figures.quarterSpendFen,
    yearFen: figures.yearSpendFen,
    settledReferrals: record.referralsSettledAt.map(toIso),
  };
}

/** Where the member stands and every change of tier (members from before the history was kept have none). */
export function tierRecord(m: Member): z.infer<typeof exportTierSchema> {
  const s = standingOf(m);
  return {
    tier: s.tier,
    name: tierOf(s.tier).name,
    since: toIso(s.tierSince),
    qualifiedAt: { grower: isoOrNull(s.qualifiedAt.grower), loyal: isoOrNull(s.qualifiedAt.loyal) },
    keptUntil: isoOrNull(s.keptUntil),
    history: (m.tierHistory ?? []).map((h) => ({ from: h.from, fromName: tierOf(h.from).name, to: h.to, toName: tierOf(h.to).name, at: toIso(h.at), reason: h.reason })),
  };
}

/** The purchase dates the coupon rules keep (first order, win-back). */
export function purchaseRecord(m: Member) {
  return {
    firstOrderAt: isoOrNull(m.firstOrderAt),
    lastOrderAt: isoOrNull(m.lastOrderAt),
    lastWinBackAt: isoOrNull(m.lastWinBackAt),
    winBackDueAt: isoOrNull(m.winBackDueAt),
  };
}
