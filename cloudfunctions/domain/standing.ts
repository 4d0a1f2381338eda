import type { TierCode } from '../contract';
import { quarterSpend, type SpendDays, yearSpend } from './spend';
import { qualifyingTiers, type TierFigures } from './tierRules';
import { JOINING_TIER, tierOf } from './tiers';
import { addMonths, dayKeyInstant, shopDayEnd } from './time';

/** An earned tier is kept this long after the member last qualified for it, then reviewed. */
export const TIER_KEPT_MONTHS = 12;

export type EarnedTier = Exclude<TierCode, 'explorer'>;
const EARNED_TIERS: readonly EarnedTier[] = ['loyal', 'grower'];

/** Where a member stands: the tier, since when, when they last qualified for each tier, and until when it is kept. */
export interface TierStanding {
  tier: TierCode;
  tierSince: Date;
  qualifiedAt: Record<EarnedTier, Date | null>;
  /** the tier is reviewed once this passes (null for the joining tier) */
  keptUntil: Date | null;
}

/** What the tier rules are judged on. */
export interface TierRecord {
  spendDays: SpendDays;
  /** when each settled referral settled */
  referralsSettledAt: Date[];
}

export function figuresAsOf(record: TierRecord, asOf: Date): TierFigures {
  const yearAgo = addMonths(asOf, -12).getTime();
  return {
    quarterSpendFen: quarterSpend(record.spendDays, asOf),
    yearSpendFen: yearSpend(record.spendDays, asOf),
    settledReferrals: record.referralsSettledAt.filter((t) => t.getTime() > yearAgo && t.getTime() <= asOf.getTime()).length,
  };
}

const rank = (t: TierCode) => tierOf(t).rank;
const higher = (a: TierCode, b: TierCode) => (rank(a) >= rank(b) ? a : b);

/** The best tier whose qualification is less than 12 months old at `now`. */
function validTier(qualifiedAt: TierStanding['qualifiedAt'], now: Date): TierCode {
  for (const t of EARNED_TIERS) {
    const at = qualifiedAt[t];
    if (at && addMonths(at, TIER_KEPT_MONTHS).getTime() > now.getTime()) return t;
  }
  return JOINING_TIER;
}

function keptUntil(tier: TierCode, qualifiedAt: TierStanding['qualifiedAt'], fallback: Date | null): Date | null {
  if (tier === 'explorer') return null;
  const at = qualifiedAt[tier];
  return at ? addMonths(at, TIER_KEPT_MONTHS) : fallback;
}

export interface StandingChange {
  standing: TierStanding;
  changed: boolean;
}

/**
 * After spend or a referral at `at`: every tier the figures qualify for is (re)qualified, and the
 * member moves up at once if that is higher. Requalifying for the held tier keeps it 12 more months.
 */
export function afterQualifying(s: TierStanding, f: TierFigures, at: Date, now: Date): StandingChange {
  const qualifiedAt = { ...s.qualifiedAt };
  for (const t of qualifyingTiers(f)) {
    if (t === 'explorer') continue;
    const prev = qualifiedAt[t];
    if (!prev || prev.getTime() < at.getTime()) qualifiedAt[t] = at;
  }
  const tier = higher(s.tier, validTier(qualifiedAt, now));
  const changed = tier !== s.tier;
  return { standing: { tier, tierSince: changed ? now : s.tierSince, qualifiedAt, keptUntil: keptUntil(tier, qualifiedAt, s.keptUntil) }, changed };
}

/** The yearly review: once the kept period is over, the member holds the best tier still earned (maybe none). */
export function review(s: TierStanding, now: Date): StandingChange {
  if (s.keptUntil === null || s.keptUntil.getTime() > now.getTime()) return { standing: s, changed: false };
  const tier = validTier(s.qualifiedAt, now);
  const changed = tier !== s.tier;
  return { standing: { tier, tierSince: changed ? now : s.tierSince, qualifiedAt: s.qualifiedAt, keptUntil: keptUntil(tier, s.qualifiedAt, null) }, changed };
}

/**
 * After a refund of an order paid at `paidAt`: a qualification made on or after that payment is
 * judged again on the lowered spend. One that no longer holds falls back to the latest earlier
 * moment the member still qualified (the end of a shop day with spend, or a settled referral,
 * within the last 12 months), or is withdrawn; a tier only the refunded spend earned is lost
 * (buying big, moving up and returning the goods does not keep the tier).
 */
export function afterRefund(s: TierStanding, record: TierRecord, paidAt: Date, now: Date): StandingChange {
  const qualifiedAt = { ...s.qualifiedAt };
  for (const t of EARNED_TIERS) {
    const at = qualifiedAt[t];
    if (!at || at.getTime() < paidAt.getTime()) continue;
    if (!qualifyingTiers(figuresAsOf(record, at)).includes(t)) qualifiedAt[t] = latestQualification(record, t, at, now);
  }
  const valid = validTier(qualifiedAt, now);
  // a refund never moves a member up
  const tier = rank(valid) < rank(s.tier) ? valid : s.tier;
  const changed = tier !== s.tier;
  return { standing: { tier, tierSince: changed ? now : s.tierSince, qualifiedAt, keptUntil: keptUntil(tier, qualifiedAt, s.keptUntil) }, changed };
}


/** The latest moment before `before` (and less than 12 months before `now`) at which the record qualified for the tier, or null. */
function latestQualification(record: TierRecord, tier: EarnedTier, before: Date, now: Date): Date | null {
  const oldest = addMonths(now, -TIER_KEPT_MONTHS).getTime();
  const moments = [
    ...Object.keys(record.spendDays).map((key) => shopDayEnd(dayKeyInstant(key))),
    ...record.referralsSettledAt,
  ]
    .map((m) => (m.getTime() < before.getTime() ? m : null))
    .filter((m): m is Date => m !== null && m.getTime() > oldest)
    .sort((a, b) => b.getTime() - a.getTime());
  return moments.find((m) => qualifyingTiers(figuresAsOf(record, m)).includes(tier)) ?? null;
}

/** Why a tier changed: the ledger of tiers the member (and the refund rules) can read back. */
export type TierChangeReason = 'order' | 'refund' | 'review' | 'referral';
export interface TierChange {
  from: TierCode;
  to: TierCode;
  at: Date;
  reason: TierChangeReason;
}
/** Tier changes kept on the member: years of history for any real shopper, bounded for the document. */
export const TIER_HISTORY_KEPT = 50;

/** The member's tier history after a standing change: one more entry when the tier moved. */
export function historyAfter(history: TierChange[] | undefined, from: TierCode, change: StandingChange, reason: TierChangeReason, now: Date): TierChange[] {
  const kept = history ?? [];
  if (!change.changed) return kept;
  return [...kept, { from, to: change.standing.tier, at: now, reason }].slice(-TIER_HISTORY_KEPT);
}

/** The member fields a standing is stored in. */
export function standingFields(s: TierStanding) {
  return { tier: s.tier, tierSince: s.tierSince, tierQualifiedAt: s.qualifiedAt, tierKeptUntil: s.keptUntil };
}
